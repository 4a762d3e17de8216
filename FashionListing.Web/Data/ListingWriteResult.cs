namespace FashionListing.Web.Data;

/// <summary>What became of a save, a submission or a decision, as the pages show it.</summary>
public abstract record ListingWriteResult
{
    private ListingWriteResult()
    {
    }

    /// <summary>Stored; <paramref name="Version"/> is what the page must send with its next write.</summary>
    public sealed record Written(Guid Id, Guid Version, ListingStatus Status) : ListingWriteResult;

    /// <summary>
    /// Nothing was stored: the listing changed after the page loaded it (another tab, the seller, a moderator),
    /// so writing would overwrite a change nobody on this page has seen.
    /// </summary>
    public sealed record ChangedElsewhere(Guid Id) : ListingWriteResult;

    /// <summary>
    /// Nothing was stored: the listing's status does not allow this change (approving a draft that was never
    /// submitted, editing one that waits for review); <paramref name="Message"/> says which.
    /// </summary>
    public sealed record Refused(Guid Id, ListingStatus Status, string Message) : ListingWriteResult;
}

/// <summary>The sentences the pages show for <see cref="ListingWriteResult"/>.</summary>
public static class ListingMessages
{
    public const string ChangedElsewhere =
        "This listing was changed elsewhere (in another tab or by a moderator), so your changes were not saved. "
        + "Reload to see the current version: your changes come back with it, unless the listing was submitted "
        + "for review meanwhile.";

    public const string ChangedBeforeDecision =
        "This listing was changed after you opened it (by its seller or another moderator), so your decision "
        + "was not recorded. Reload to see the current version before deciding.";

    public const string NothingToRestore =
        "There is no unsaved card at this address any more: it was discarded, or it belongs to another account. "
        + "Your saved listings are under My drafts.";

    public const string RestoreOnOtherPage =
        "This card was started on another page, so it opens there: find it in My drafts, under Not saved yet.";

    public const string AutosaveUnreadable =
        "The card kept for this address could not be read back, so the page starts empty. Your saved listings "
        + "are under My drafts.";
}
