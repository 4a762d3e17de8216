using FashionListing.Web.Accounts;
using FashionListing.Web.Data;

namespace FashionListing.Tests.Web.Support;

/// <summary>Shortcuts for tests that need a stored listing as a starting point.</summary>
public static class DraftServiceExtensions
{
    /// <summary>Saves a new draft, asserts that it was stored, and returns its id.</summary>
    public static async Task<Guid> SaveNewAsync(
        this ListingDraftService service,
        ListingDraft draft,
        ListingViewer seller)
    {
        ArgumentNullException.ThrowIfNull(service);

        ListingWriteResult result = await service.SaveAsync(draft, seller, CancellationToken.None);

        return Assert.IsType<ListingWriteResult.Written>(result).Id;
    }
}
