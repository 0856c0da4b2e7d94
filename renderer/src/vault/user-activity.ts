/**
 * Feeds user input to the idle timer. Runs on the renderer's main thread.
 *
 * Only deliberate input counts (keys, clicks, wheel, touch): pointer movement alone does not,
 * so a laptop left open with a mouse that drifts, or a cat on the trackpad, still locks.
 */

/** The events that mean "someone is using the app". */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onActivity` on every activity event reaching `target` (usually `window`), in the
 * capture phase so components that stop propagation cannot hide input from the timer.
 * Returns the function that removes the listeners.
 */
export function watchUserActivity(target: EventTarget, onActivity: () => void): () => void {
  const listener = () => onActivity();
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, listener, options);
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, listener, options);
  };
}
