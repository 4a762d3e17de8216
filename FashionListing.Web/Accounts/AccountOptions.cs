using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Accounts;

/// <summary>Sign-in rules (section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins in a row after which the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The shortest password accepted at registration.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;
}
