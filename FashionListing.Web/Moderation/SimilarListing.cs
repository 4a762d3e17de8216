namespace FashionListing.Web.Moderation;

/// <summary>Another draft whose photo is near-identical to the photo of the draft under review.</summary>
/// <param name="DraftId">The other draft.</param>
/// <param name="Title">Its title.</param>
/// <param name="OwnerId">Its seller's user id; null for drafts from before accounts.</param>
/// <param name="OwnerEmail">Its seller's email; null when there is no owner or the account was removed.</param>
/// <param name="PhotoId">Its photo, for a thumbnail at <c>/photos/{id}</c>.</param>
/// <param name="UpdatedUtc">When it was last saved.</param>
/// <param name="Similarity">The cosine similarity of the two photos' embeddings; 1 for the same photo.</param>
public sealed record SimilarListing(
    Guid DraftId,
    string Title,
    string? OwnerId,
    string? OwnerEmail,
    Guid PhotoId,
    DateTime UpdatedUtc,
    float Similarity);

/// <summary>Whether the photos could be compared.</summary>
public enum SimilarListingsOutcome
{
    /// <summary>The draft's photo was compared with every other draft's photo; the list may be empty.</summary>
    Compared,

    /// <summary>No draft has that id.</summary>
    DraftNotFound,

    /// <summary>The draft has no photo, so there is nothing to compare.</summary>
    NoPhoto,

    /// <summary>
    /// The draft's photo has no embedding and one could not be made now (the failure is in the log); the
    /// backfill tries again at the next start.
    /// </summary>
    PhotoNotIndexed,
}

/// <summary>What the duplicate finder found for one draft.</summary>
/// <param name="Outcome">Whether the photos could be compared.</param>
/// <param name="Listings">The other drafts at or above <paramref name="Threshold"/>, the most similar first.</param>
/// <param name="Threshold">The similarity used (<c>Moderation:DuplicateSimilarity</c>).</param>
public sealed record SimilarListingsResult(
    SimilarListingsOutcome Outcome,
    IReadOnlyList<SimilarListing> Listings,
    double Threshold);
