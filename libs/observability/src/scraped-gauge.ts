import { Gauge, Registry } from 'prom-client';

export interface ScrapedGaugeOptions<Label extends string> {
  name: string;
  help: string;
  labelNames?: Label[];
  registry: Registry;
  /** Read when Prometheus scrapes: one value per label set (a single `{}` entry when unlabelled). */
  read: () => Promise<{ labels: Partial<Record<Label, string>>; value: number }[]>;
}

/**
 * A gauge whose value is read from where it lives (a table, Kafka) at scrape
 * time. A read that fails leaves the gauge without values for that scrape,
 * so /metrics still answers while the database is away.
 */
export function scrapedGauge<Label extends string>(options: ScrapedGaugeOptions<Label>): Gauge<Label> {
  const { read } = options;
  return new Gauge<Label>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? [],
    registers: [options.registry],
    async collect() {
      this.reset();
      let values: Awaited<ReturnType<typeof read>>;
      try {
        values = await read();
      } catch {
        return;
      }
      for (const { labels, value } of values) this.set(labels, value);
    },
  });
}
