/**
 * A fingerprint as people compare it: 12 groups of 5 digits, always left to right (in an
 * Arabic page the groups must not be reordered, or two people reading aloud would disagree).
 */
export function FingerprintText({ value }: { value: string }) {
  return (
    <bdi dir="ltr" className="fingerprint">
      {value}
    </bdi>
  );
}
