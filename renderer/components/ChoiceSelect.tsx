/** A NativeSelect over a fixed set of string values: the choices are typed, and so is what onChange gives back. */
import { NativeSelect, type NativeSelectProps } from '@mantine/core';

export interface Choice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

type ChoiceSelectProps<T extends string> = Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
  choices: readonly Choice<T>[];
  value: T;
  onChange(value: T): void;
};

export function ChoiceSelect<T extends string>({ choices, value, onChange, ...rest }: ChoiceSelectProps<T>) {
  return (
    <NativeSelect
      {...rest}
      data={choices}
      value={value}
      onChange={(e) => {
        const picked = choices.find((c) => c.value === e.currentTarget.value);
        if (picked) onChange(picked.value);
      }}
    />
  );
}
