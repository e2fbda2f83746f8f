import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
const { History } = temporal.api.history.v1;

/*
 * A history as plain JSON (enum names, 64-bit numbers as strings, payloads in
 * base64), read back losslessly. The SDK's own historyToJSON/historyFromJSON
 * are not usable with the protobufjs this repository installs.
 */

export function historyToFile(history: History): string {
  return JSON.stringify(History.toObject(History.fromObject(history), { enums: String, longs: String, bytes: String }));
}

export function historyFromFile(text: string): temporal.api.history.v1.History {
  return History.fromObject(JSON.parse(text) as object);
}
