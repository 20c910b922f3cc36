import type { GroupConfidentiality } from '@lms/contracts';

export const DEFAULT_CONFIDENTIALITY: GroupConfidentiality = 'private';

export interface Group {
  id: string;
  tenantId: string;
  name: string;
  confidentiality: GroupConfidentiality;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface NewGroup {
  id: string;
  tenantId: string;
  name: string;
  confidentiality?: GroupConfidentiality;
}

/** ID-G1: a group is private unless said otherwise. */
export function createGroup(input: NewGroup, now: Date): Group {
  return {
    id: input.id,
    tenantId: input.tenantId,
    name: input.name.trim(),
    confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
