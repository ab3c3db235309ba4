import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import DataLoader from 'dataloader';
import type { Viewer } from './viewer';

/**
 * How a module batches one kind of look-up for the fields it resolves: a page of 30 questions loads its
 * authors in one statement, not 30. A module provides each definition as an ordinary provider; the
 * definition's class is also its name (`loaders.get(UserLoader).load(id)`), so the call is typed by it.
 */
export interface LoaderDefinition<K, V> {
  /** One value per key, in the keys' order: a repository method's batch read. */
  batch(keys: readonly K[], viewer: Viewer | null): Promise<V[]>;

  /** For keys that are objects: the string a key is cached by within the request. */
  cacheKey?(key: K): string;
}

/**
 * One request's loaders, made on first use and kept for the rest of the request (so a row loaded twice is
 * read once); they end with it, so nothing cached outlives the request that read it.
 */
export class Loaders {
  private readonly loaders = new Map<Type<LoaderDefinition<unknown, unknown>>, DataLoader<unknown, unknown, unknown>>();

  constructor(
    private readonly definitionOf: <K, V>(definition: Type<LoaderDefinition<K, V>>) => LoaderDefinition<K, V>,
    private readonly viewer: Viewer | null,
  ) {}

  get<K, V>(definition: Type<LoaderDefinition<K, V>>): DataLoader<K, V, unknown> {
    let loader = this.loaders.get(definition) as DataLoader<K, V, unknown> | undefined;
    if (!loader) {
      const provided = this.definitionOf(definition);
      loader = new DataLoader<K, V, unknown>((keys) => provided.batch(keys, this.viewer), {
        cacheKeyFn: provided.cacheKey ? (key) => provided.cacheKey!(key) : undefined,
      });
      this.loaders.set(definition, loader as DataLoader<unknown, unknown, unknown>);
    }
    return loader;
  }
}

/** Hands each GraphQL request its own Loaders; the definitions are whatever the feature modules provide. */
@Injectable()
export class LoaderRegistry {
  constructor(private readonly modules: ModuleRef) {}

  forRequest(viewer: Viewer | null): Loaders {
    return new Loaders((definition) => this.modules.get(definition, { strict: false }), viewer);
  }
}

/** A row named by its kind and id, as keys of loaders across kinds are (a question or an answer voted on). */
export interface TypedTarget<T extends string> {
  targetType: T;
  targetId: string;
}

export const typedTargetKey = ({ targetType, targetId }: TypedTarget<string>): string => `${targetType}:${targetId}`;

/** A batch over several kinds of target: one read per kind present, the values in the targets' order. */
export async function perTargetType<T extends string, V>(
  targets: readonly TypedTarget<T>[],
  read: (targetType: T, targetIds: string[]) => Promise<ReadonlyMap<string, V>>,
  absent: V,
): Promise<V[]> {
  const values = new Map<string, V>();
  for (const targetType of new Set(targets.map((t) => t.targetType))) {
    const found = await read(targetType, targets.filter((t) => t.targetType === targetType).map((t) => t.targetId));
    for (const [targetId, value] of found) values.set(typedTargetKey({ targetType, targetId }), value);
  }
  return targets.map((target) => values.get(typedTargetKey(target)) ?? absent);
}
