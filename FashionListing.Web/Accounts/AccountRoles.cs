namespace FashionListing.Web.Accounts;

/// <summary>The roles of the app; registration gives <see cref="Seller"/> only.</summary>
public static class AccountRoles
{
    public const string Seller = "Seller";

    public const string Moderator = "Moderator";

    public const string Researcher = "Researcher";

    /// <summary>The roles that may open drafts (moderators read-only), for <c>[Authorize(Roles = ...)]</c>.</summary>
    public const string DraftReaders = Seller + "," + Moderator;

    public static IReadOnlyList<string> All { get; } = [Seller, Moderator, Researcher];
}
