import { Kbd, Menu, Text, Tooltip } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useDomain, useHost } from '../../queries';
import { useUi } from '../../store/ui';
import { CloneMenuItem } from '../clone/CloneWizard';
import { MigrateMenuItem } from '../migrate/MigrateRoot';
import { ACTIONS, actionTestId, whyNot } from './actions';
import { useDomainActions, usePending } from './useDomainActions';

/**
 * The VM menu, one for the whole app: opened by right-clicking a row (at the pointer) or by the
 * row's "…" button (under it). Same actions, same reasons and shortcuts as the toolbar.
 */
export function DomainMenu() {
  const menu = useUi((s) => s.menu);
  const setMenu = useUi((s) => s.setMenu);
  const select = useUi((s) => s.select);
  const domain = useDomain(menu?.hostId, menu?.uuid);
  const host = useHost(menu?.hostId);
  const pending = usePending(menu?.hostId ?? '', menu?.uuid ?? '');
  const { run } = useDomainActions();
  if (!menu) return null;
  const hostConnected = host?.state.status === 'connected';
  const target = { hostId: menu.hostId, uuid: menu.uuid, name: menu.name };
  return (
    <Menu
      key={`${menu.x},${menu.y},${menu.uuid}`}
      opened
      onChange={(o) => !o && setMenu(null)}
      position="bottom-start"
      withinPortal
      shadow="md"
      width={240}
    >
      <Menu.Target>
        <div style={{ position: 'fixed', left: menu.x, top: menu.y, width: 1, height: 1, pointerEvents: 'none' }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="vm-menu">
        <Menu.Label>
          <Text size="xs" truncate>
            {menu.name}
          </Text>
        </Menu.Label>
        <Menu.Item
          leftSection={<IconListDetails size={14} />}
          rightSection={<Kbd size="xs">Enter</Kbd>}
          onClick={() => select({ kind: 'domain', hostId: menu.hostId, uuid: menu.uuid })}
          data-testid={`vm-${menu.name}-${menu.hostId}-details`}
        >
          Details
        </Menu.Item>
        <Menu.Divider />
        {ACTIONS.map((spec) => {
          const reason = domain ? whyNot(spec.action, domain, { hostConnected, pending }) : 'This VM is gone';
          const item = (
            <Menu.Item
              key={spec.action}
              leftSection={spec.icon(14)}
              rightSection={<Kbd size="xs">{spec.keys}</Kbd>}
              color={spec.color}
              disabled={!!reason}
              onClick={() => run(target, spec.action)}
              data-testid={actionTestId(menu, spec.action)}
            >
              {spec.label}
            </Menu.Item>
          );
          return reason ? (
            <Tooltip key={spec.action} label={reason} position="right" withArrow>
              <div>{item}</div>
            </Tooltip>
          ) : (
            item
          );
        })}
        <Menu.Divider />
        <MigrateMenuItem target={target} domain={domain} hostConnected={hostConnected} />
        <CloneMenuItem target={target} domain={domain} hostConnected={hostConnected} />
      </Menu.Dropdown>
    </Menu>
  );
}
