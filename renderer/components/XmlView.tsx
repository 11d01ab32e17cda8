/**
 * Read-only XML with syntax highlighting. highlight.js escapes the text it tokenizes (&, <, >,
 * quotes) and only adds its own <span class="hljs-…"> around tokens, so its output is the one
 * HTML we ever inject; the raw XML never is.
 */
import { ActionIcon, Code, CopyButton, ScrollArea, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import hljs from 'highlight.js/lib/core';
import xml from 'highlight.js/lib/languages/xml';
import { useMemo } from 'react';
import '../styles/hljs.css';

hljs.registerLanguage('xml', xml);

export function XmlView({ xml: text, testId, maxHeight = 600 }: { xml: string; testId?: string; maxHeight?: number | string }) {
  const html = useMemo(() => hljs.highlight(text, { language: 'xml', ignoreIllegals: true }).value, [text]);
  return (
    <div style={{ position: 'relative' }}>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy XML'}>
            <ActionIcon
              variant="default"
              onClick={copy}
              aria-label="Copy XML"
              style={{ position: 'absolute', right: 8, top: 8, zIndex: 1 }}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      <ScrollArea.Autosize mah={maxHeight}>
        <Code block data-testid={testId} style={{ fontSize: 12, lineHeight: 1.5 }}>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js output, escaped by it (see above) */}
          <span dangerouslySetInnerHTML={{ __html: html }} />
        </Code>
      </ScrollArea.Autosize>
    </div>
  );
}
