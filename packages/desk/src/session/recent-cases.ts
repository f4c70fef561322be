/** Case ids this browser opened lately: responsible parties and reporters cannot list cases. */
const KEY = 'hazardflow.desk.recent';
const MAX = 8;

export function recentCases(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberCase(id: string): void {
  const next = [id, ...recentCases().filter((x) => x !== id)].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(next));
}
