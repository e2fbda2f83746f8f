import { parseYamlConfig } from '@tenure/config';
import { PolicyConfig } from '@tenure/policy';
import { policyFingerprint } from './policy-fingerprint';

const parse = (text: string) => parseYamlConfig('policy.yaml', text, PolicyConfig, {});

describe('policyFingerprint', () => {
  const base = 'rules:\n  - name: everyone\n    grant:\n      - app: slack\n        groups: [all-staff]\n';

  it('is the same for the same rules written differently', () => {
    const reordered = 'rules:\n  - grant:\n      - groups: [all-staff]\n        app: slack\n    name: everyone\n';
    expect(policyFingerprint(parse(reordered))).toBe(policyFingerprint(parse(base)));
  });

  it('ignores lifecycle timing settings', () => {
    expect(policyFingerprint(parse(`${base}lifecycle:\n  moverOverlap: 7d\n`))).toBe(policyFingerprint(parse(base)));
  });

  it('changes when a grant changes', () => {
    const changed = base.replace('all-staff', 'everyone');
    expect(policyFingerprint(parse(changed))).not.toBe(policyFingerprint(parse(base)));
  });
});
