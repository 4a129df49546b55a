import type { Milestone, Output, Role } from '@tracker/contracts';
import { createAccount } from '../src/app/accounts/account-setup';
import type { RunningServer } from '../src/app/server';
import type { Client } from './client';
import { getJson } from './server';

/** A milestone of Action 1 (co-led by Ashoka Hello Europe) and one of Action 2 (not). */
export async function itemsOf(base: string): Promise<{ milestones: Record<1 | 2, Milestone>; outputs: Record<1 | 2, Output> }> {
  const [m1, m2, o1, o2] = await Promise.all([
    getJson<Milestone[]>(base, '/api/milestones?action=1'),
    getJson<Milestone[]>(base, '/api/milestones?action=2'),
    getJson<Output[]>(base, '/api/outputs?action=1'),
    getJson<Output[]>(base, '/api/outputs?action=2'),
  ]);
  return { milestones: { 1: m1.body[0], 2: m2.body[0] }, outputs: { 1: o1.body[0], 2: o2.body[0] } };
}

/** Every milestone and output a client reads, with a query such as `?action=3`. */
export async function planItems(client: Client, query = ''): Promise<{ milestones: Milestone[]; outputs: Output[] }> {
  const [milestones, outputs] = await Promise.all([client.get<Milestone[]>(`/api/milestones${query}`), client.get<Output[]>(`/api/outputs${query}`)]);
  return { milestones: milestones.body, outputs: outputs.body };
}

let counter = 0;

/** Creates an account straight in the database; returns its email. Password: `test-password-1`. */
export async function newUser(
  server: Pick<RunningServer, 'dataSource'>,
  values: { role: Role; organisation?: string; email?: string; name?: string },
): Promise<string> {
  counter += 1;
  const email = values.email ?? `${values.role.replace('_', '-')}-${counter}-${Date.now()}@test.example`;
  await createAccount(
    server.dataSource.manager,
    { email, name: values.name ?? `Test ${values.role} ${counter}`, role: values.role, organisation: values.organisation ?? 'ashoka-hello-europe' },
    TEST_PASSWORD,
  );
  return email;
}

export const TEST_PASSWORD = 'test-password-1';
