using FashionListing.Inference;
using FashionListing.Web;
using FashionListing.Web.Components;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using FashionListing.Web.Taxonomy;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettingsFile();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddListingData(builder.Configuration);
builder.Services.AddPhotoStorage(builder.Configuration);
builder.Services.AddTaxonomyCatalog();
// The single call site of the inference library: registers IListingSuggester.
builder.Services.AddInference(builder.Configuration);

var app = builder.Build();

app.Services.MigrateListingDatabase();
app.Services.WarmUpInference();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();

    // Only outside Development: `dotnet run` serves plain HTTP on localhost, where a redirect has
    // no HTTPS port to go to.
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPhotoEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
