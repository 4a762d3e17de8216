namespace FashionListing.Web.Accounts;

/// <summary>Keeps the sign-in page's return address inside the app, so a link cannot bounce a user elsewhere.</summary>
public static class LocalUrl
{
    /// <summary>The URL when it is a path on this site ("/drafts"), otherwise the home page.</summary>
    public static string OrHome(string? url)
    {
        bool local = !string.IsNullOrEmpty(url)
            && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && Uri.IsWellFormedUriString(url, UriKind.Relative);

        return local ? url! : "/";
    }
}
