import { Button, Group, Kbd, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { DomainSummary } from '../../../shared/api';
import { useHost } from '../../queries';
import { ACTIONS, type ActionSpec, actionTestId, type VmAction, whyNot } from './actions';
import { useDomainActions, usePending } from './useDomainActions';

/** Hotkeys act only on the page, not while a dialog, drawer or menu has the user's attention. */
export function overlayOpen(): boolean {
  return !!document.querySelector('[role="dialog"], [role="menu"]');
}

export function ActionTooltipLabel({ spec, reason }: { spec: ActionSpec; reason: string | null }) {
  if (reason) return <>{reason}</>;
  return (
    <>
      {spec.label.replace('…', '')} <Kbd size="xs">{spec.keys}</Kbd>
    </>
  );
}

interface Props {
  domain: DomainSummary | undefined;
  /** 'vm' gives vm-<name>-<hostId>-<action> ids (details page); otherwise '<prefix>-<action>'. */
  idPrefix: 'vm' | string;
  /** Extra hotkeys of the page hosting the bar (Enter for details …). */
  extraHotkeys?: [string, () => void][];
  /** Says which VM the bar acts on (the table's toolbar). */
  label?: ReactNode;
  /** Smaller buttons (the table's toolbar). */
  compact?: boolean;
}

/** The VM toolbar: every action, disabled with the reason when it cannot apply, with its shortcut. */
export function DomainActionBar({ domain, idPrefix, extraHotkeys = [], label, compact = false }: Props) {
  const host = useHost(domain?.hostId);
  const pending = usePending(domain?.hostId ?? '', domain?.uuid ?? '');
  const { run } = useDomainActions();
  const hostConnected = host?.state.status === 'connected';
  const reasonOf = (a: VmAction) => (domain ? whyNot(a, domain, { hostConnected, pending }) : 'Select a VM first');
  const act = (a: VmAction) => {
    if (!domain || reasonOf(a)) return;
    run({ hostId: domain.hostId, uuid: domain.uuid, name: domain.name }, a);
  };

  useHotkeys(
    [
      ...ACTIONS.map((s): [string, (e: KeyboardEvent) => void] => [
        s.hotkey,
        () => {
          if (!overlayOpen()) act(s.action);
        },
      ]),
      ...extraHotkeys.map(([k, fn]): [string, () => void] => [
        k,
        () => {
          if (!overlayOpen()) fn();
        },
      ]),
    ],
    ['INPUT', 'TEXTAREA', 'SELECT'],
  );

  return (
    <Group gap={6} wrap="wrap" data-testid={idPrefix === 'vm' ? undefined : idPrefix}>
      {label}
      {ACTIONS.map((spec) => {
        const reason = reasonOf(spec.action);
        const testId = idPrefix === 'vm' && domain ? actionTestId(domain, spec.action) : `${idPrefix}-${spec.id}`;
        return (
          <Tooltip key={spec.action} label={<ActionTooltipLabel spec={spec} reason={reason} />} withArrow openDelay={250}>
            {/* A span keeps the tooltip alive on a disabled button. */}
            <span>
              <Button
                size={compact ? 'compact-xs' : 'xs'}
                variant={spec.color === 'red' ? 'light' : 'default'}
                color={spec.color}
                leftSection={spec.icon(14)}
                disabled={!!reason}
                loading={pending === spec.action}
                onClick={() => act(spec.action)}
                data-testid={testId}
                aria-keyshortcuts={spec.keys}
              >
                {spec.label}
              </Button>
            </span>
          </Tooltip>
        );
      })}
    </Group>
  );
}
