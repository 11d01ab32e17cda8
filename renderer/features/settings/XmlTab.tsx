/**
 * The VM's XML tab: the running definition read-only, and "Edit definition" for the XML editor —
 * the persistent definition (without secrets) in CodeMirror, a review of the line diff before
 * anything is sent, apply with libvirt's validation (a refusal shows libvirt's message and jumps
 * to the line it names; nothing changed), and "Undo last change".
 */
import { Alert, Badge, Button, Code, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconEdit, IconGitCompare } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorOf } from '../../components/notify';
import { XmlView } from '../../components/XmlView';
import { useRead } from '../../queries';
import { useXmlDefinition, useXmlWrite } from '../../queries/settings';
import { hunks, lineDiff, lineOfError } from './lineDiff';

// CodeMirror loads when the editor opens, not with the app.
const CodeEditor = lazy(() => import('./CodeEditor').then((m) => ({ default: m.CodeEditor })));

export function XmlTab({ hostId, uuid, liveXml }: { hostId: string; uuid: string; liveXml: string }) {
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <Stack gap="xs">
        <Group>
          <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} data-testid="xml-edit">
            Edit definition
          </Button>
        </Group>
        <XmlView xml={liveXml} testId="details-xml" maxHeight="calc(100dvh - 340px)" />
      </Stack>
    );
  return <XmlEditor hostId={hostId} uuid={uuid} onClose={() => setEditing(false)} />;
}

function XmlEditor({ hostId, uuid, onClose }: { hostId: string; uuid: string; onClose: () => void }) {
  const def = useXmlDefinition(hostId, uuid);
  // The host's own libvirt schema (read once per host): completion of element and attribute names.
  const schema = useRead('settings.xml.schema', { hostId }, { staleTime: Number.POSITIVE_INFINITY, retry: false });
  const apply = useXmlWrite('settings.xml.apply', hostId, uuid);
  const undo = useXmlWrite('settings.xml.undo', hostId, uuid);
  const base = def.data?.xml ?? '';
  const [text, setText] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [applied, setApplied] = useState<'applied' | 'undone' | null>(null);
  const edited = text ?? base;
  const changed = def.data !== undefined && edited !== base;
  const diff = useMemo(() => (reviewing ? hunks(lineDiff(base, edited), 3) : []), [reviewing, base, edited]);
  const err = errorOf(apply.error);
  const errLine = err ? lineOfError(err.message) : undefined;

  if (def.isLoading) return <Loader size="sm" />;
  if (!def.data) return <ErrorAlert title="Could not read the definition" error={def.error} />;

  const doApply = () => {
    setApplied(null);
    apply.mutate(
      { xml: edited, base },
      {
        onSuccess: () => {
          setText(null);
          setReviewing(false);
          setApplied('applied');
        },
        onError: () => setReviewing(false),
      },
    );
  };
  const doUndo = () => {
    setApplied(null);
    apply.reset();
    undo.mutate(
      {},
      {
        onSuccess: () => {
          setText(null);
          setReviewing(false);
          setApplied('undone');
        },
      },
    );
  };

  return (
    <Stack gap="xs" data-testid="xml-editor">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm">
            Definition of <b>{def.data.name}</b> for the next boot
          </Text>
          {def.data.pending && (
            <Badge color="orange" variant="light" data-testid="xml-pending">
              pending changes: the running VM still has the previous definition
            </Badge>
          )}
          {changed && (
            <Badge variant="light" data-testid="xml-modified">
              edited
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {def.data.canUndo && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} />}
              loading={undo.isPending}
              onClick={doUndo}
              data-testid="xml-undo"
            >
              Undo last change
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onClose} data-testid="xml-close">
            Close editor
          </Button>
        </Group>
      </Group>
      {applied && (
        <Alert color="green" icon={<IconCheck size={16} />} data-testid="xml-applied" withCloseButton onClose={() => setApplied(null)}>
          {applied === 'applied' ? 'libvirt accepted the definition.' : 'The previous definition is back.'}
          {def.data.running && ' The running VM takes it at its next boot.'}
        </Alert>
      )}
      <ErrorAlert title="libvirt refused the definition" error={apply.error} />
      {errLine !== undefined && (
        <Text size="sm" c="red" data-testid="xml-error-line">
          libvirt points at line {errLine} (selected in the editor).
        </Text>
      )}
      <ErrorAlert title="Could not undo" error={undo.error} />
      {reviewing ? (
        <Stack gap="xs" data-testid="xml-review">
          <Text size="sm">Changes against the current definition (nothing is sent before Apply):</Text>
          <ScrollArea.Autosize mah="55dvh">
            <Code block data-testid="xml-diff" style={{ fontSize: 12 }}>
              {diff.map((l) =>
                l.kind === 'gap' ? (
                  <div key={`gap-${l.from}`} style={{ color: 'var(--mantine-color-dimmed)' }}>
                    ⋯ {l.skipped} unchanged line{l.skipped === 1 ? '' : 's'}
                  </div>
                ) : (
                  <div
                    key={`${l.kind}-${l.line}`}
                    data-testid={l.kind === 'same' ? undefined : `xml-diff-${l.kind}`}
                    style={{
                      whiteSpace: 'pre-wrap',
                      background:
                        l.kind === 'add'
                          ? 'var(--mantine-color-green-light)'
                          : l.kind === 'del'
                            ? 'var(--mantine-color-red-light)'
                            : undefined,
                    }}
                  >
                    {l.kind === 'add' ? '+ ' : l.kind === 'del' ? '- ' : '  '}
                    {l.text}
                  </div>
                ),
              )}
            </Code>
          </ScrollArea.Autosize>
          <Group>
            <Button size="xs" onClick={doApply} loading={apply.isPending} data-testid="xml-apply">
              Apply
            </Button>
            <Button size="xs" variant="default" onClick={() => setReviewing(false)} data-testid="xml-back">
              Back to editing
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Suspense fallback={<Loader size="sm" />}>
            <CodeEditor docKey={base} initial={edited} onChange={setText} jumpTo={errLine} testId="xml-code" schema={schema.data} />
          </Suspense>
          <Group>
            <Button
              size="xs"
              leftSection={<IconGitCompare size={14} />}
              disabled={!changed}
              onClick={() => {
                apply.reset();
                setReviewing(true);
              }}
              data-testid="xml-review-open"
            >
              Review changes
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
