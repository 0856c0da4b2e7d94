/** Ticking rows in the wizard's lists (what, to whom). */

/** `selected` with `id` ticked or unticked: a new set, since React state is never changed in place. */
export function toggled<T>(selected: ReadonlySet<T>, id: T, on: boolean): ReadonlySet<T> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
