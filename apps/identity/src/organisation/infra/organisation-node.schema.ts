import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { NODE_KINDS, type NodeKind } from '../domain/organisation-node';

export interface OrganisationNodeDocument {
  _id: string;
  tenantId: string;
  kind: NodeKind;
  unitId: string | null;
  name: string;
  managerIds: string[];
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const ORGANISATION_NODE_MODEL = 'OrganisationNode';

/** Units and teams (ID-G3) in one collection: a team names its unit. */
export const OrganisationNodeSchema = new Schema<OrganisationNodeDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: NODE_KINDS },
    unitId: { type: String, default: null },
    name: { type: String, required: true },
    managerIds: { type: [String], default: [] },
    memberIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'organisation_nodes', versionKey: false, minimize: false },
);

/**
 * Compare-and-set of an update: exactly these fields, so that the local stand-in serves the
 * filter from an index too (MongoDB uses `_id`).
 */
OrganisationNodeSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'node_version' });

/**
 * The tenant's units, a unit's teams (lists, and the check before a unit is deleted). MongoDB
 * serves them from this index; the stand-in scans the nodes (an administrator's page, cold).
 */
OrganisationNodeSchema.index({ tenantId: 1, kind: 1, unitId: 1, deletedAt: 1, _id: 1 });

/**
 * ID-R1: whether a user manages, or is a member of, any node, asked when its relations change.
 * MongoDB serves both from these multikey indexes; the stand-in scans the nodes, which only an
 * administrator's change of the organisation pays.
 */
OrganisationNodeSchema.index({ tenantId: 1, managerIds: 1 });
OrganisationNodeSchema.index({ tenantId: 1, memberIds: 1 });
