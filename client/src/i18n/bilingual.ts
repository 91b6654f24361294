/**
 * One namespace of interface text, French and English side by side. The English object must
 * have the French one's shape: a missing or extra key, or a message taking other parameters,
 * fails `tsc`.
 */
export function bilingual<T>(fr: T, en: NoInfer<T>): { fr: T; en: T } {
  return { fr, en };
}
