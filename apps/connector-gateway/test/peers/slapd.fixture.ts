import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { freePort, requiredEnv, waitForPort } from '@tenure/testing';

export const SUFFIX = 'dc=tenure,dc=test';
export const LAYOUT = {
  usersDn: `ou=people,${SUFFIX}`,
  groupsDn: `ou=groups,${SUFFIX}`,
  disabledUsersDn: `ou=disabled,${SUFFIX}`,
};

export interface RunningSlapd {
  url: string;
  adminDn: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/**
 * The access rules are the point of the disabled container: below it, nobody
 * may use a password to bind (`auth` is denied), so a disabled person's bind
 * fails although their entry and password are untouched.
 */
function slapdConf(directory: string, adminPassword: string): string {
  return [
    'include /etc/ldap/schema/core.schema',
    'include /etc/ldap/schema/cosine.schema',
    'include /etc/ldap/schema/nis.schema',
    'include /etc/ldap/schema/inetorgperson.schema',
    `pidfile ${join(directory, 'slapd.pid')}`,
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    'database mdb',
    'maxsize 104857600',
    `suffix "${SUFFIX}"`,
    `rootdn "cn=admin,${SUFFIX}"`,
    `rootpw ${adminPassword}`,
    `directory ${join(directory, 'data')}`,
    'index objectClass,uid,employeeNumber,entryUUID,member eq',
    `access to dn.subtree="${LAYOUT.disabledUsersDn}" attrs=userPassword by * none`,
    'access to attrs=userPassword by self write by anonymous auth by * none',
    'access to * by * read',
    '',
  ].join('\n');
}

/** Starts a throwaway OpenLDAP (Debian's slapd) on a free loopback port with the people, groups and disabled containers. */
export async function startSlapd(): Promise<RunningSlapd> {
  const binary = requiredEnv('TENURE_SLAPD_BIN');
  const directory = mkdtempSync(join(tmpdir(), 'tenure-slapd-'));
  mkdirSync(join(directory, 'data'));
  const adminPassword = 'slapd-admin-password-0123456789';
  writeFileSync(join(directory, 'slapd.conf'), slapdConf(directory, adminPassword));
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(binary, ['-f', join(directory, 'slapd.conf'), '-h', `${url}/`, '-d', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, 20_000, () => output);

  const adminDn = `cn=admin,${SUFFIX}`;
  const client = new Client({ url });
  await client.bind(adminDn, adminPassword);
  await client.add(SUFFIX, { objectClass: ['top', 'dcObject', 'organization'], dc: 'tenure', o: 'Tenure' });
  for (const dn of Object.values(LAYOUT)) {
    await client.add(dn, { objectClass: ['top', 'organizationalUnit'], ou: dn.split(',')[0].slice(3) });
  }
  await client.unbind();

  return {
    url,
    adminDn,
    adminPassword,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(directory, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
