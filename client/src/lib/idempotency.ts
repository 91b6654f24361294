import { useRef } from "react";
import { useMutation, type UseMutationOptions } from "@tanstack/react-query";

/** A random key; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The header the server's create routes read (server/src/http/idempotency.ts). */
export const idempotencyHeader = (key: string) => ({ "Idempotency-Key": key });

/**
 * A mutation that creates a record, safe against double submission: each submission (its
 * variables) gets an Idempotency-Key that stays the same for its retries, so the server
 * answers a repeat with the first result instead of creating a second record; the key is
 * renewed once the server has accepted it. A second call while the same submission is in
 * flight (a double click before the button is disabled) waits for the first.
 */
export function useIdempotentMutation<TData, TVariables = void>(
  options: Omit<UseMutationOptions<TData, Error, TVariables>, "mutationFn"> & {
    mutationFn: (variables: TVariables, idempotencyKey: string) => Promise<TData>;
  },
) {
  const keys = useRef(new Map<string, string>());
  const inFlight = useRef(new Map<string, Promise<TData>>());
  const { mutationFn, ...rest } = options;
  return useMutation<TData, Error, TVariables>({
    ...rest,
    mutationFn: (variables) => {
      const submission = JSON.stringify(variables ?? null);
      const running = inFlight.current.get(submission);
      if (running) return running;
      let key = keys.current.get(submission);
      if (!key) {
        key = newIdempotencyKey();
        keys.current.set(submission, key);
      }
      const request = mutationFn(variables, key).then(
        (data) => {
          keys.current.delete(submission);
          return data;
        },
      );
      inFlight.current.set(submission, request);
      const forget = () => inFlight.current.delete(submission);
      request.then(forget, forget);
      return request;
    },
  });
}
