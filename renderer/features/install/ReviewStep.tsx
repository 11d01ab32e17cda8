/** Install wizard, step 3: the exact definition, what will be created, and why the defaults are what they are. */
import { Accordion, Alert, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { InstallPreview } from '../../../shared/api';
import { XmlView } from '../../components/XmlView';
import { formatBytes } from '../../lib/format';

export function ReviewStep({ preview }: { preview: InstallPreview }) {
  return (
    <Stack gap="md" data-testid="install-step-review">
      {preview.warnings.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="This will likely fail" data-testid="install-warnings">
          <List size="sm">
            {preview.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
          <Text size="sm" mt={4}>
            You can still create it: if a step fails, everything created so far is removed.
          </Text>
        </Alert>
      )}
      <div>
        <Title order={5}>Chosen so this VM can migrate later</Title>
        <Table data-testid="install-defaults" verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {preview.defaults.map((d) => (
              <Table.Tr key={d.setting} data-setting={d.setting}>
                <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {d.setting}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <code>{d.value}</code>
                </Table.Td>
                <Table.Td c="dimmed">{d.why}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs" data-testid="install-console-hint">
        {preview.consoleHint}
      </Alert>
      {preview.volumes.length > 0 && (
        <Text size="sm" data-testid="install-volumes">
          Creates{' '}
          {preview.volumes.map((v) => (
            <code key={v.path}>
              {v.pool}/{v.name} ({formatBytes(v.capacity)} {v.format})
            </code>
          ))}
          , then defines the VM{' '}
          <Text span ff="monospace" size="sm">
            {preview.uuid}
          </Text>
          {preview.mac ? ` with MAC ${preview.mac}` : ''}.
        </Text>
      )}
      <Accordion multiple defaultValue={['xml']} variant="separated">
        <Accordion.Item value="xml">
          <Accordion.Control>Domain XML</Accordion.Control>
          <Accordion.Panel>
            <XmlView xml={preview.xml} testId="install-review-xml" maxHeight={320} />
          </Accordion.Panel>
        </Accordion.Item>
        {preview.firstBootXml && (
          <Accordion.Item value="first">
            <Accordion.Control>First boot (the installer kernel)</Accordion.Control>
            <Accordion.Panel>
              <XmlView xml={preview.firstBootXml} testId="install-review-first-boot" maxHeight={320} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
    </Stack>
  );
}
