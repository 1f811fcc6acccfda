/** A refusal or failure, read out at once (`role="alert"`); nothing when there is none. */
export function FormError({ message }: { message: string }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
