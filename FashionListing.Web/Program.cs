using FashionListing.Web;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using FashionListing.Web.Moderation;
using FashionListing.Web.Photos;
using FashionListing.Web.Security;
using FashionListing.Web.Studies;
using FashionListing.Web.Taxonomy;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettingsFile();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddListingData(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration, builder.Environment);
builder.Services.AddPhotoStorage(builder.Configuration);
builder.Services.AddModeration(builder.Configuration);
builder.Services.AddTaxonomyCatalog();
builder.Services.AddStudies();
// The single call site of the inference library: registers IListingSuggester, which falls back to cleaning
// photos without suggestions when the model cannot be loaded.
builder.Services.AddListingSuggestions(builder.Configuration);

var app = builder.Build();

app.Services.MigrateListingDatabase();
await app.Services.EnsureRolesAndDemoAccountsAsync(CancellationToken.None);

// `FashionListing.Web create-account Moderator someone@example.org`, password on standard input: the way to
// make moderators and researchers, who cannot register themselves.
if (args is ["create-account", .. var accountArguments])
{
    Environment.ExitCode = await app.Services.RunCreateAccountCommandAsync(
        accountArguments, Console.In, Console.Out, CancellationToken.None);
    return;
}

app.Services.WarmUpSuggestions();

app.UseSecurityHeaders();

// Outside Development an exception shows the error page, which names a reference for support but none of the
// exception's details.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();

    // Only outside Development: `dotnet run` serves plain HTTP on localhost, where a redirect has
    // no HTTPS port to go to.
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPhotoEndpoints();
app.MapStudyEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
