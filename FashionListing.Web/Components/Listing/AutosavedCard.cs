using System.Globalization;
using FashionListing.Web.Data;

namespace FashionListing.Web.Components.Listing;

/// <summary>
/// What a page puts back on the card from an <see cref="AutosavedEdit"/>, given the draft as it is stored now:
/// the seller's unsaved edits when they still apply, the draft's own values when it can no longer be edited,
/// and a notice that says which.
/// </summary>
/// <param name="Card">The values for the card.</param>
/// <param name="DraftId">The draft the card edits; null for a listing never saved, or whose draft is gone.</param>
/// <param name="DraftVersion">The version the next save must name.</param>
/// <param name="Status">The draft's status; null without a draft.</param>
/// <param name="SavedCardJson">The card as the draft holds it, to tell edits from it; null without a draft.</param>
/// <param name="EditsApplied">Whether the card continues the stored edits (false: they were set aside).</param>
/// <param name="Notice">What to tell the seller about it; null when nothing needs saying.</param>
public sealed record AutosavedCard(
    ListingFormModel Card,
    Guid? DraftId,
    Guid? DraftVersion,
    ListingStatus? Status,
    string? SavedCardJson,
    bool EditsApplied,
    string? Notice)
{
    /// <summary>Decides what <paramref name="edit"/> brings back, given its <paramref name="draft"/> now.</summary>
    /// <param name="edit">The stored card.</param>
    /// <param name="draft">
    /// The draft <see cref="AutosavedEdit.DraftId"/> names as the seller may see it; null when it has none or the
    /// draft is gone.
    /// </param>
    public static AutosavedCard From(AutosavedEdit edit, ListingDraft? draft)
    {
        ArgumentNullException.ThrowIfNull(edit);

        ListingFormModel stored = ListingFormModel.FromJson(edit.CardJson);
        string when = edit.UpdatedUtc.ToString("HH:mm 'UTC on' d MMM", CultureInfo.InvariantCulture);
        string broughtBack = $"Your unsaved changes from {when} were brought back.";
        if (draft is null)
        {
            string? gone = edit.DraftId is null
                ? broughtBack
                : broughtBack + " The draft they belonged to no longer exists, so saving makes a new one.";

            return new AutosavedCard(stored, null, null, null, null, true, gone);
        }

        string savedJson = ListingFormModel.FromDraft(draft).ToJson();
        if (!draft.Status.IsEditableBySeller())
        {
            string? setAside = edit.HasUnsavedChanges
                ? $"Changes made at {when} were not applied: the listing is "
                    + $"{draft.Status.DisplayName().ToLowerInvariant()} and can no longer be edited."
                : null;

            return new AutosavedCard(
                ListingFormModel.FromDraft(draft), draft.Id, draft.Version, draft.Status, savedJson, false, setAside);
        }

        if (!edit.HasUnsavedChanges)
        {
            // Saved as it was shown: the draft holds these values, or newer ones saved elsewhere since.
            return new AutosavedCard(
                ListingFormModel.FromDraft(draft), draft.Id, draft.Version, draft.Status, savedJson, true, null);
        }

        if (draft.Version == edit.DraftVersion)
        {
            return new AutosavedCard(stored, draft.Id, draft.Version, draft.Status, savedJson, true, broughtBack);
        }

        if (edit.BaseCardJson is null)
        {
            return new AutosavedCard(
                stored,
                draft.Id,
                draft.Version,
                draft.Status,
                savedJson,
                true,
                broughtBack + " The draft changed after them (saved in another tab, or reviewed); saving now "
                    + "replaces that version with this card.");
        }

        // The draft was saved elsewhere after these edits began: only the fields changed here go over it.
        List<string> both = [];
        ListingFormModel merged = Merge(
            stored,
            ListingFormModel.FromJson(edit.BaseCardJson),
            ListingFormModel.FromDraft(draft),
            both);
        string notice = broughtBack + " The draft was saved elsewhere since (in another tab, or after a review), "
            + "so only the fields you changed here were put on its newer version.";
        if (both.Count > 0)
        {
            notice += " Both changed the " + Join(both) + ": the card shows your value from here.";
        }

        return new AutosavedCard(merged, draft.Id, draft.Version, draft.Status, savedJson, true, notice);
    }

    // A three-way merge by field: a field the seller left as it was (mine equals base) takes the newer draft's
    // value; one they changed keeps theirs, and is named in `both` when the newer draft changed it too.
    private static ListingFormModel Merge(
        ListingFormModel mine,
        ListingFormModel basis,
        ListingFormModel newer,
        List<string> both) => new()
        {
            Title = Pick(mine.Title, basis.Title, newer.Title, "title", both),
            Category = Pick(mine.Category, basis.Category, newer.Category, "category", both),
            Colour = Pick(mine.Colour, basis.Colour, newer.Colour, "colour", both),
            Attributes = PickList(mine.Attributes, basis.Attributes, newer.Attributes, both),
            Description = Pick(mine.Description, basis.Description, newer.Description, "description", both),
            Size = Pick(mine.Size, basis.Size, newer.Size, "size", both),
            Brand = Pick(mine.Brand, basis.Brand, newer.Brand, "brand", both),
            Condition = Pick(mine.Condition, basis.Condition, newer.Condition, "condition", both),
            Price = Pick(mine.Price, basis.Price, newer.Price, "price", both),
        };

    private static T Pick<T>(T mine, T basis, T newer, string name, List<string> both)
    {
        if (EqualityComparer<T>.Default.Equals(mine, basis))
        {
            return newer;
        }

        if (!EqualityComparer<T>.Default.Equals(newer, basis) && !EqualityComparer<T>.Default.Equals(newer, mine))
        {
            both.Add(name);
        }

        return mine;
    }

    private static List<string> PickList(List<string> mine, List<string> basis, List<string> newer, List<string> both)
    {
        if (mine.SequenceEqual(basis))
        {
            return [.. newer];
        }

        if (!newer.SequenceEqual(basis) && !newer.SequenceEqual(mine))
        {
            both.Add("details");
        }

        return [.. mine];
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
