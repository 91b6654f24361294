import PasswordInput from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { MIN_PASSWORD_LENGTH } from "@shared/auth";
import { useI18n } from "../../../i18n/use-i18n";

/** A new password typed twice; `problem` says what is wrong, if anything, once submitted. */
export function newPasswordProblem(password: string, confirmation: string, t: { passwordHint: string; mismatch: string }) {
  if (password.length < MIN_PASSWORD_LENGTH) return t.passwordHint;
  if (password !== confirmation) return t.mismatch;
  return undefined;
}

export function PasswordFields(props: {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  problem?: string;
}) {
  const t = useI18n().t.account;
  return (
    <>
      <PasswordInput
        label={t.newPassword}
        hintText={t.passwordHint}
        messages={props.problem ? [{ severity: "error", message: props.problem }] : []}
        nativeInputProps={{ name: "new-password", autoComplete: "new-password", value: props.password, onChange: (e) => props.onPassword(e.target.value) }}
      />
      <PasswordInput
        label={t.confirmPassword}
        nativeInputProps={{
          name: "confirm-password",
          autoComplete: "new-password",
          value: props.confirmation,
          onChange: (e) => props.onConfirmation(e.target.value),
        }}
      />
    </>
  );
}
