import { describe, expect, it } from 'vitest';
import { FIELD_GROUP_IDS, isFieldGroupId } from '../report/types';
import { hostSettings } from './host-settings';
import { fieldGroup, fieldGroups, ownerOfKey, registerFieldGroups } from './index';
import { redis } from './redis';

describe('the field-group registry', () => {
  it('holds exactly one group per id of FIELD_GROUP_IDS', () => {
    const ids = fieldGroups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...FIELD_GROUP_IDS].sort());
    for (const id of FIELD_GROUP_IDS) expect(fieldGroup(id).id).toBe(id);
  });

  it('lets the compiler refuse a registry with a missing or a repeated group', () => {
    // Checked by `tsc --noEmit`: each line below fails to compile, naming the id at fault.
    // @ts-expect-error every group but HostSettings is missing
    expect(() => registerFieldGroups([hostSettings])).not.toThrow();
    // @ts-expect-error Redis is registered twice
    expect(() => registerFieldGroups([...fieldGroups, redis])).not.toThrow();
  });

  it('names only registered groups as key owners', () => {
    for (const key of ['SERVER_HOSTNAME', 'DB_URI', 'BUILDLOGS_REDIS', 'FOO_LOGIN_CONFIG']) {
      const owner = ownerOfKey(key);
      expect(owner !== undefined && isFieldGroupId(owner)).toBe(true);
    }
  });
});
