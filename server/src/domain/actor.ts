import type { AuditRecord } from "../repositories/audit";

/** Who asks for a write, and from where: the author of what it records, the actor of its audit entry. */
export interface Actor {
  id: number;
  name: string;
  email: string;
  ip: string | undefined;
}

/** The actor as the audit log records it. */
export const auditedBy = ({ id, name, email, ip }: Actor): Pick<AuditRecord, "actor" | "ip"> => ({ actor: { id, name, email }, ip });
