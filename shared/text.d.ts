// shared/ compiles without DOM or Node types, yet both runtimes provide the WHATWG
// Encoding API. Declare only the part shared/ may use.
declare global {
  interface TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
    encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
  }
  var TextEncoder: { new (): TextEncoder };
  interface TextDecoder {
    decode(input?: Uint8Array): string;
  }
  var TextDecoder: { new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };
}
export {};
