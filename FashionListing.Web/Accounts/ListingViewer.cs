using System.Security.Claims;

namespace FashionListing.Web.Accounts;

/// <summary>
/// Who is looking at drafts and photos, reduced to what decides access: a seller sees and edits their own, a
/// moderator sees every one (read-only), anyone else sees none.
/// </summary>
/// <param name="UserId">The signed-in user's id; null when anonymous.</param>
/// <param name="IsSeller">Whether the user has the Seller role.</param>
/// <param name="IsModerator">Whether the user has the Moderator role.</param>
public sealed record ListingViewer(string? UserId, bool IsSeller, bool IsModerator)
{
    public static ListingViewer Anonymous { get; } = new(null, false, false);

    public static ListingViewer From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);

        string? id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (id is null)
        {
            return Anonymous;
        }

        return new ListingViewer(id, user.IsInRole(AccountRoles.Seller), user.IsInRole(AccountRoles.Moderator));
    }

    /// <summary>Whether a draft or photo owned by <paramref name="ownerId"/> (null: nobody) may be shown.</summary>
    public bool MaySee(string? ownerId) => IsModerator || Owns(ownerId);

    /// <summary>Whether a draft or photo owned by <paramref name="ownerId"/> may be changed or used in a draft.</summary>
    public bool Owns(string? ownerId) => IsSeller && UserId is not null && ownerId == UserId;
}
