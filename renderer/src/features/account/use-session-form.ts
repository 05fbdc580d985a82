import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { withoutIssue, type FieldIssue } from '@core/field-issues';
import { navigate } from '../../app/router';
import { issuesOf, type Me } from '../../platform/cloud-client';
import { useSessionEvents } from './use-session-events';

/**
 * A form that opens a cloud session (sign in, join a team): keeps what was typed, puts the
 * cloud's field issues beside their inputs (dropping a field's issue once it is edited), and on
 * success hands the account to the app and goes to the account page.
 */
export function useSessionForm<F extends Record<keyof F, string>, R extends { me: Me }>(initial: F, open: (form: F) => Promise<R>) {
  const session = useSessionEvents();
  const [form, setForm] = useState(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const submit = useMutation({
    mutationFn: open,
    onMutate: () => setIssues([]),
    onSuccess: async (result) => {
      await session.opened(result.me);
      navigate('/account');
    },
    onError: (error) => setIssues(issuesOf(error)),
  });
  const set = (key: keyof F & string) => (e: { target: { value: string } }) => {
    setForm({ ...form, [key]: e.target.value });
    setIssues(withoutIssue(issues, key));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(form);
  };
  return { form, issues, set, onSubmit, submit };
}
