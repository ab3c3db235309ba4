import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import { type AuthorHistory, type FlagRow, type PostRef, postKey, type PostText, type ReviewItemRow, ReviewRepository } from './review.repository';

/** The flags raised under each review item. */
@Injectable()
export class ItemFlagsLoader implements LoaderDefinition<string, FlagRow[]> {
  constructor(private readonly reviews: ReviewRepository) {}

  batch(itemIds: readonly string[]): Promise<FlagRow[][]> {
    return this.reviews.flagsOfItems(itemIds);
  }
}

/** Each post's newest review item: what its author is told next. */
@Injectable()
export class LatestReviewItemLoader implements LoaderDefinition<PostRef, ReviewItemRow | null> {
  constructor(private readonly reviews: ReviewRepository) {}

  batch(posts: readonly PostRef[]): Promise<Array<ReviewItemRow | null>> {
    return this.reviews.latestItems(posts);
  }

  cacheKey(post: PostRef): string {
    return postKey(post);
  }
}

/** The text of each post under review, whatever its kind. */
@Injectable()
export class PostTextLoader implements LoaderDefinition<PostRef, PostText | null> {
  constructor(private readonly reviews: ReviewRepository) {}

  batch(posts: readonly PostRef[]): Promise<Array<PostText | null>> {
    return this.reviews.postTexts(posts);
  }

  cacheKey(post: PostRef): string {
    return postKey(post);
  }
}

@Injectable()
export class AuthorHistoryLoader implements LoaderDefinition<string, AuthorHistory> {
  constructor(private readonly reviews: ReviewRepository) {}

  batch(authorIds: readonly string[]): Promise<AuthorHistory[]> {
    return this.reviews.authorHistories(authorIds);
  }
}
