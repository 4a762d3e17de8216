using Microsoft.JSInterop;

namespace FashionListing.Web.Listings;

/// <summary>
/// Changes the address the browser shows for the page without navigating. A navigation through Blazor's
/// router would set the page's parameters again, and .NET then puts the page's persisted state
/// (<c>[PersistentState]</c>, taken when the page was first rendered) back over what the seller has typed since.
/// </summary>
public static class PageAddress
{
    private const string ModulePath = "./page-address.js";

    /// <summary>Shows <paramref name="url"/> in the address bar; nothing happens once the browser is gone.</summary>
    public static async Task ReplaceAsync(IJSRuntime js, string url)
    {
        ArgumentNullException.ThrowIfNull(js);

        try
        {
            await using IJSObjectReference module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await module.InvokeVoidAsync("replaceAddress", url);
        }
        catch (JSDisconnectedException)
        {
            // The tab was closed; there is no address left to change.
        }
    }
}
