import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message waiting to reach Kafka. Written in the same transaction as the
 * inbox row, so an accepted event is never lost when Kafka is away.
 */
@Entity({ name: 'outbox' })
@Index('outbox_unsent', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
