import type { ComponentChildren } from 'preact';
import { FormError } from '../components/FormError';

/** An owner's "add one" form: its title is also the submit button's, the refusal above it. */
export function AdminForm(props: {
  class: string;
  title: string;
  error: string;
  onSubmit(): void;
  children: ComponentChildren;
}) {
  return (
    <form
      class={props.class}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{props.title}</h3>
      {props.children}
      <FormError message={props.error} />
      <button type="submit" class="primary">
        {props.title}
      </button>
    </form>
  );
}
