import type { ComponentChildren } from 'preact';

/** What the dashboard's forms set on a text-like input; the label and value handling are Field's. */
export interface FieldProps {
  label: ComponentChildren;
  value: string;
  onValue(value: string): void;
  type?: 'email' | 'password' | 'number' | 'datetime-local';
  name?: string;
  autocomplete?: string;
  /** `ltr` for e-mails, secrets and zone names, which read left to right in Arabic and Urdu too. */
  dir?: 'ltr';
  required?: boolean;
  'aria-invalid'?: boolean | undefined;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  step?: number;
  /** A `<datalist>` id; the list itself goes in `children`. */
  list?: string;
  /** After the input, inside the label. */
  children?: ComponentChildren;
}

/**
 * A text-like input inside its label (so the label names it without ids), reporting each
 * keystroke's value. The sign-in, team and settings forms use it, so they look and behave alike.
 */
export function Field({ label, onValue, children, type, ...input }: FieldProps) {
  return (
    <label>
      {label}
      <input
        {...input}
        // Preact types each input `type` with the attributes it allows; FieldProps is narrower
        // than any of them, so naming one ('text') only stops the union from being checked.
        type={type as 'text'}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {children}
    </label>
  );
}
