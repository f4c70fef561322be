/** A binary min-heap ordered by a compare function; the memory store's due-timer queue. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  // Both sifts move a hole and write the item once at the end, instead of swapping pairs
  // through a destructuring array (an allocation per level on the timer path); the heap
  // comes out the same.
  push(item: T): void {
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as T;
      if (this.compare(item, above) >= 0) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      const length = items.length;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest: T = last;
        let at = i;
        if (left < length && this.compare(items[left] as T, smallest) < 0) {
          smallest = items[left] as T;
          at = left;
        }
        if (right < length && this.compare(items[right] as T, smallest) < 0) {
          smallest = items[right] as T;
          at = right;
        }
        if (at === i) break;
        items[i] = smallest;
        i = at;
      }
      items[i] = last;
    }
    return top;
  }
}
