using System.Security.Cryptography;

namespace FashionListing.Web.Studies;

/// <summary>The tokens of invitation links: 256 random bits, URL-safe, so that nobody can guess one.</summary>
public static class StudyTokens
{
    /// <summary>The length of every token (43 characters of base64url for 32 bytes).</summary>
    public const int Length = 43;

    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');

    /// <summary>Whether the text has a token's shape, checked before any lookup.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
