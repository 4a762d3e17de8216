namespace FashionListing.Web.Listings;

/// <summary>Log messages of the listing pages (Razor components cannot host the logging source generator).</summary>
public static partial class PageLog
{
    [LoggerMessage(100, LogLevel.Error, "Saving a listing draft failed")]
    public static partial void SaveFailed(ILogger logger, Exception exception);

    [LoggerMessage(101, LogLevel.Warning, "Draft {DraftId} was opened but does not exist")]
    public static partial void DraftMissing(ILogger logger, Guid draftId);
}
