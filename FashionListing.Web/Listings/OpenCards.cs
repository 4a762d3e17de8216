namespace FashionListing.Web.Listings;

/// <summary>
/// The listing cards open in sellers' pages on this server, by the stored card and the saved draft each one
/// edits. A page that is about to read a card from the store first asks the pages holding the same card to
/// store what they have: after a reload, the new page starts while the old one is still going away with the
/// seller's last second of changes, which it stores only as it goes.
/// </summary>
/// <remarks>One server's pages only; with several servers a page on another one is not asked.</remarks>
public sealed class OpenCards
{
    private readonly Dictionary<CardAutosave, (Guid? EditId, Guid? DraftId)> _open = [];

    /// <summary>The other pages holding the stored card <paramref name="editId"/> or editing the draft.</summary>
    internal IReadOnlyList<CardAutosave> Holding(Guid? editId, Guid? draftId, CardAutosave asking)
    {
        lock (_open)
        {
            return [.. _open
                .Where(o => o.Key != asking
                    && ((editId is not null && o.Value.EditId == editId)
                        || (draftId is not null && o.Value.DraftId == draftId)))
                .Select(o => o.Key)];
        }
    }

    /// <summary>Records what <paramref name="page"/> holds now; both null forgets the page.</summary>
    internal void Hold(CardAutosave page, Guid? editId, Guid? draftId)
    {
        lock (_open)
        {
            if (editId is null && draftId is null)
            {
                _open.Remove(page);
            }
            else
            {
                _open[page] = (editId, draftId);
            }
        }
    }
}
