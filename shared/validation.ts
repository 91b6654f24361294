// The client's former names for shared/review.ts, until its imports move there.
export {
  bulkReviewSchema as bulkValidationSchema,
  dismissalSchema,
  reviewDecisionSchema as validationDecisionSchema,
  type BulkReviewResult as BulkValidationResult,
  type EntryRef,
  type EntryReview as EntryValidation,
  type ReviewQueueItem as ValidationQueueItem,
  type ReviewQueuePage as ValidationQueuePage,
  type ReviewResult as ValidationResult,
  type SentBackEntry,
} from "./review";
