import type { OnApplicationShutdown } from '@nestjs/common';
import type { ReadinessCheck } from '@tenure/http';
import { Admin, Kafka, logLevel } from 'kafkajs';

export const KAFKA_READINESS = Symbol('KAFKA_READINESS');

/**
 * Kafka answers a metadata request, over an admin connection of its own that
 * stays open between probes and is opened again after a failure. It never
 * retries: a probe wants today's answer, not one after back-off.
 */
export class KafkaReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'kafka';
  private admin?: Admin;

  constructor(
    private readonly kafka: Kafka,
    readonly essential: boolean,
  ) {}

  static forBrokers(clientId: string, brokers: string[], essential: boolean): KafkaReadiness {
    const kafka = new Kafka({
      clientId,
      brokers,
      connectionTimeout: 1_500,
      requestTimeout: 1_500,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    return new KafkaReadiness(kafka, essential);
  }

  async check(): Promise<void> {
    await this.withAdmin((admin) => admin.describeCluster());
  }

  /** Runs one admin request over the probe's connection (also for figures such as consumer lag). */
  async withAdmin<T>(request: (admin: Admin) => Promise<T>): Promise<T> {
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin();
        await this.admin.connect();
        // A fresh admin knows no broker until it has read the cluster's metadata;
        // without retries, a group or offset request before that fails.
        await this.admin.describeCluster();
      }
      return await request(this.admin);
    } catch (error) {
      await this.forget();
      throw error;
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.forget();
  }

  private async forget(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
