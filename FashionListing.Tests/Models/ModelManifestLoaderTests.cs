using System.Text.Json.Nodes;
using FashionListing.Inference.Models;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tests.Models;

public sealed class ModelManifestLoaderTests
{
    private static readonly string s_starterFolder = Path.Combine(AppContext.BaseDirectory, "models", "starter");

    [Fact]
    public void Load_ValidQueryManifest_ResolvesPathsAndFillsDefaults()
    {
        using ManifestFolder folder = new ManifestFolder().Write(ManifestFolder.QueryManifest());
        FashionpediaTaxonomy taxonomy = FashionpediaTaxonomy.LoadDefault();

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(ModelLayout.Query, loaded.Layout);
        Assert.Equal("Test DETR", loaded.Name);
        Assert.Equal(Path.Combine(folder.Path, "model.onnx"), loaded.ModelPath);
        Assert.Equal(Path.Combine(folder.Path, FashionpediaTaxonomy.FileName), loaded.TaxonomyPath);
        Assert.Equal(Enumerable.Range(0, 46), loaded.CategoryIds);
        Assert.Equal(taxonomy.Attributes.Select(a => a.Id).Order(), loaded.AttributeIds);
        Assert.Equal(294, loaded.AttributeIds.Count);
        Assert.Equal((384, 320, "pixel_values"), (loaded.Input!.Width, loaded.Input.Height, loaded.Input.Name));
        Assert.Equal([0.229f, 0.224f, 0.225f], loaded.Input.Std);
        Assert.True(loaded.Outputs!.NoObjectClass);
        Assert.Equal((0.3f, 0.5f, 0.5f, 100, 0.5f, 15), (loaded.Thresholds.Score, loaded.Thresholds.Mask,
            loaded.Thresholds.Attribute, loaded.Thresholds.TopK, loaded.Thresholds.NmsIou,
            loaded.Thresholds.MaxInstances));
        Assert.Null(loaded.Starter);
    }

    [Fact]
    public void Load_ValidDenseManifest_KeepsLetterboxAndDefaultNormalisation()
    {
        using ManifestFolder folder = new ManifestFolder().Write(ManifestFolder.DenseManifest());

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(ModelLayout.Dense, loaded.Layout);
        Assert.Equal(ResizeMode.Letterbox, loaded.Input!.Resize);
        Assert.Equal([0f, 0f, 0f], loaded.Input.Mean);
        Assert.Equal((255f, 114), (loaded.Input.Scale, loaded.Input.PadValue));
        Assert.Equal(("output0", "output1"), (loaded.Outputs!.Detections, loaded.Outputs.Prototypes));
        Assert.Null(loaded.Outputs.AttributeLogits);
        Assert.Equal(Path.GetFileName(folder.Path), loaded.Name);
    }

    [Fact]
    public void Load_CommittedStarterManifest_LoadsWithEveryStarterFile()
    {
        LoadedModelManifest loaded = ModelManifestLoader.Load(s_starterFolder);

        Assert.Equal(ModelLayout.Starter, loaded.Layout);
        Assert.Null(loaded.ModelPath);
        Assert.Equal(Path.Combine(s_starterFolder, "mask-head.bin"), loaded.Starter!.MaskHead);
        Assert.Equal(Path.Combine(s_starterFolder, "category-head.onnx"), loaded.Starter.CategoryHead);
        Assert.Equal(Path.Combine(s_starterFolder, "category-labels.json"), loaded.Starter.CategoryLabels);
        Assert.Equal(Path.Combine(s_starterFolder, "label-map.json"), loaded.Starter.LabelMap);
        Assert.Equal(46, loaded.Taxonomy.Categories.Count);
        Assert.Equal("Input247", loaded.Input!.Name);
    }

    [Fact]
    public void Load_StarterWithoutCategoryLabels_TakesTheFileBesideTheCategoryHead()
    {
        using ManifestFolder folder = new ManifestFolder().Write(ManifestFolder.StarterManifest());

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(Path.Combine(folder.Path, "category-labels.json"), loaded.Starter!.CategoryLabels);
        Assert.Null(loaded.Input);
    }

    [Fact]
    public void Load_MissingFolder_NamesTheFolderAndWhatItMustHold()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-model-" + Guid.NewGuid().ToString("N"));

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(missing));

        Assert.Contains($"The model folder {missing} does not exist.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("model.json", exception.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, exception.Field);
    }

    [Fact]
    public void Load_FolderWithoutManifest_NamesTheManifestPath()
    {
        using ManifestFolder folder = new();

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.StartsWith(folder.ManifestPath + ": The model folder has no model.json.", exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJson_GivesLineAndPosition()
    {
        // The bare word starts at the 13th character of the third line.
        using ManifestFolder folder = new ManifestFolder().WriteText("{\n  \"format\": 1,\n  \"layout\": query\n}");

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Contains("is not valid JSON at line 3, position 13", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        string json = manifest.ToJsonString().Replace("\"format\":1,", "// our model\n\"format\":1,",
            StringComparison.Ordinal);
        using ManifestFolder folder = new ManifestFolder().WriteText(json[..^1] + ",}");

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(ModelLayout.Query, loaded.Layout);
    }

    [Theory]
    [InlineData("width", "\"384\"", "input.width must be a whole number, not the string \"384\".")]
    [InlineData("width", "384.5", "input.width must be a whole number, not the number 384.5.")]
    [InlineData("scale", "true", "input.scale must be a number, not true.")]
    [InlineData("mean", "0.5", "input.mean must be an array [ ... ], not the number 0.5.")]
    [InlineData("mean", "[0.5, \"a\", 0.5]", "input.mean[1] must be a number, not the string \"a\".")]
    [InlineData("name", "7", "input.name must be a string, not the number 7.")]
    public void Load_FieldOfTheWrongType_NamesFieldAndValue(string field, string json, string expected)
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["input"]![field] = JsonNode.Parse(json);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspeltTopLevelField_NamesItSuggestsTheFieldAndListsTheKnownOnes()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["treshold"] = new JsonObject { ["score"] = 0.4 };

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal("treshold", exception.Field);
        Assert.StartsWith("is not a known field (did you mean \"thresholds\"?); the fields at the top level are: "
            + "format, name, layout,", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownNestedField_NamesItsFullPath()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["thresholds"] = new JsonObject { ["nmsIOU"] = 0.4, ["colour"] = 1 };

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(["thresholds.nmsIOU", "thresholds.colour"], exception.Problems.Select(p => p.Field));
        Assert.Contains("(did you mean \"nmsIou\"?)", exception.Problems[0].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", exception.Problems[1].Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", "format must be 1, the only manifest format there is, not 2.")]
    [InlineData("null", "format is required; write \"format\": 1.")]
    public void Load_FormatOtherThanOne_IsRejected(string json, string expected)
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["format"] = JsonNode.Parse(json);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(expected, exception.Problems.Single().ToString());
    }

    [Theory]
    [InlineData("QUERY", ModelLayout.Query)]
    [InlineData("Dense", ModelLayout.Dense)]
    public void Load_LayoutInAnyCase_IsAccepted(string layout, ModelLayout expected)
    {
        JsonObject manifest = expected == ModelLayout.Query
            ? ManifestFolder.QueryManifest()
            : ManifestFolder.DenseManifest();
        manifest["layout"] = layout;
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal(expected, loaded.Layout);
    }

    [Theory]
    [InlineData("\"detr\"", "layout must be one of starter, query, dense, not \"detr\".")]
    [InlineData("null", "layout is required: one of starter, query, dense.")]
    public void Load_UnknownOrMissingLayout_IsRejected(string json, string expected)
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["layout"] = JsonNode.Parse(json);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(expected, exception.Problems.Single().ToString());
    }

    [Fact]
    public void Load_MissingTaxonomyField_IsRequired()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest.Remove("taxonomy");

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal("taxonomy", exception.Problems.Single().Field);
        Assert.StartsWith("is required", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TaxonomyFileMissing_NamesTheResolvedPath()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["taxonomy"] = "taxonomy.json";
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Equal("taxonomy", exception.Field);
        Assert.StartsWith($"names {Path.Combine(folder.Path, "taxonomy.json")}, which does not exist",
            exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TaxonomyFileNotATaxonomy_SaysSo()
    {
        using ManifestFolder folder = new ManifestFolder().Write(ManifestFolder.QueryManifest());
        File.WriteAllText(Path.Combine(folder.Path, FashionpediaTaxonomy.FileName), "{\"categories\": []}");

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Equal("taxonomy", exception.Field);
        Assert.Contains("which is not a Fashionpedia taxonomy", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QueryWithoutModelInputOrOutputs_ReportsEachRequiredField()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest.Remove("model");
        manifest.Remove("input");
        manifest.Remove("outputs");

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(["model", "input", "outputs.maskLogits", "outputs.categoryLogits"],
            exception.Problems.Select(p => p.Field));
        Assert.All(exception.Problems, p => Assert.StartsWith("is required for the query layout", p.Problem,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DenseWithoutItsOutputs_ReportsDetectionsAndPrototypes()
    {
        JsonObject manifest = ManifestFolder.DenseManifest();
        manifest["outputs"] = new JsonObject { ["maskLogits"] = "pred_masks" };

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(["outputs.detections", "outputs.prototypes", "outputs.maskLogits"],
            exception.Problems.Select(p => p.Field));
        Assert.StartsWith("belongs to the query layout", exception.Problems[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoOutputsNamingOneTensor_IsRejected()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["outputs"]!["attributeLogits"] = "logits";

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal("outputs.attributeLogits", exception.Problems.Single().Field);
        Assert.Contains("as outputs.categoryLogits", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelFileMissing_NamesTheResolvedPath()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["model"] = "detr.onnx";
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Equal("model", exception.Problems.Single().Field);
        Assert.Equal($"names {Path.Combine(folder.Path, "detr.onnx")}, which does not exist; it must name the "
            + "model file, relative to the model folder.", exception.Problem);
    }

    [Theory]
    [InlineData("width", "15", "input.width must be from 16 to 4096 pixels, not 15.")]
    [InlineData("height", "4097", "input.height must be from 16 to 4096 pixels, not 4097.")]
    [InlineData("mean", "[0.5, 0.5]", "input.mean must have 3 values (one per channel), not 2.")]
    [InlineData("std", "[0.2, 0.2, 0.2, 0.2]", "input.std must have 3 values (one per channel), not 4.")]
    [InlineData("std", "[0.2, 0, 0.2]", "input.std[1] must be greater than 0 (the input is divided by it), not 0.")]
    [InlineData("scale", "-1", "input.scale must be greater than 0 (255 turns 0-255 into 0-1; 1 keeps 0-255), not -1.")]
    [InlineData("padValue", "256", "input.padValue must be a grey level from 0 to 255, not 256.")]
    [InlineData("name", "\" \"", "input.name must not be empty; leave the field out where it has a default.")]
    [InlineData("resize", "\"crop\"", "input.resize must be one of stretch, letterbox, not \"crop\".")]
    [InlineData("channels", "\"RGBA\"", "input.channels must be one of RGB, BGR, not \"RGBA\".")]
    [InlineData("layout", "\"CHW\"", "input.layout must be one of NCHW, NHWC, not \"CHW\".")]
    public void Load_InputValueOutOfRange_StatesValueAndLimit(string field, string json, string expected)
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["input"]![field] = JsonNode.Parse(json);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(expected, exception.Problems.Single().ToString());
    }

    [Fact]
    public void Load_InputWithoutNameOrSize_ReportsEachMissingField()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["input"] = new JsonObject { ["resize"] = "letterbox" };

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(["input.name", "input.width", "input.height"], exception.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Load_ExplicitCategoriesAndAttributes_KeepTheirOutputOrder()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["categories"] = new JsonArray(1, 0, 45);
        manifest["attributes"] = new JsonArray(340, 0, 115);
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal([1, 0, 45], loaded.CategoryIds);
        Assert.Equal([340, 0, 115], loaded.AttributeIds);
    }

    [Fact]
    public void Load_CategoriesUnknownOrRepeated_NamesEachEntry()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["categories"] = new JsonArray(0, 46, 3, 0);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(
            [
                "categories[1] is 46, which is no category of the taxonomy (ids 0 to 45).",
                "categories[3] repeats category id 0, already at categories[0]; each output has its own id.",
            ],
            exception.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_AttributesUnknownOrRepeated_NamesEachEntry()
    {
        // 240 lies in the gap of Fashionpedia's attribute ids from 235 to 254.
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["attributes"] = new JsonArray(115, 240, 115, -1);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(["attributes[1]", "attributes[2]", "attributes[3]"], exception.Problems.Select(p => p.Field));
        Assert.StartsWith("is 240, which is no attribute of the taxonomy", exception.Problems[0].Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyCategoryList_IsRejected()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["categories"] = new JsonArray();

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal("categories", exception.Problems.Single().Field);
    }

    [Theory]
    [InlineData("score", "1.5", "thresholds.score must be from 0 to 1 (a category score), not 1.5.")]
    [InlineData("mask", "-0.1", "thresholds.mask must be from 0 to 1 (a mask probability), not -0.1.")]
    [InlineData("attribute", "2", "thresholds.attribute must be from 0 to 1 (an attribute probability), not 2.")]
    [InlineData("nmsIou", "0", "thresholds.nmsIou must be above 0 and at most 1 (an intersection over union), not 0.")]
    [InlineData("nmsIou", "1.01", "thresholds.nmsIou must be above 0 and at most 1 (an intersection over union), "
        + "not 1.01.")]
    [InlineData("topK", "0", "thresholds.topK must be at least 1 (candidates kept before suppression), not 0.")]
    [InlineData("maxInstances", "0", "thresholds.maxInstances must be from 1 to thresholds.topK (100), not 0.")]
    [InlineData("maxInstances", "101", "thresholds.maxInstances must be from 1 to thresholds.topK (100), not 101.")]
    public void Load_ThresholdOutOfRange_StatesValueAndLimit(string field, string json, string expected)
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["thresholds"] = new JsonObject { [field] = JsonNode.Parse(json) };

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(expected, exception.Problems.Single().ToString());
    }

    [Fact]
    public void Load_ThresholdsAtTheirLimits_AreAccepted()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["thresholds"] = new JsonObject
        {
            ["score"] = 0, ["mask"] = 1, ["attribute"] = 1, ["nmsIou"] = 1, ["topK"] = 5, ["maxInstances"] = 5,
        };
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        LoadedModelManifest loaded = ModelManifestLoader.Load(folder.Path);

        Assert.Equal((0f, 1f, 1f, 1f, 5, 5), (loaded.Thresholds.Score, loaded.Thresholds.Mask,
            loaded.Thresholds.Attribute, loaded.Thresholds.NmsIou, loaded.Thresholds.TopK,
            loaded.Thresholds.MaxInstances));
    }

    [Fact]
    public void Load_TopKBelowTheDefaultKeepLimit_AsksForAConsistentPair()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["thresholds"] = new JsonObject { ["topK"] = 10 };

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal("thresholds.topK", exception.Problems.Single().Field);
        Assert.Contains("below the default thresholds.maxInstances (15)", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StarterWithoutStarterSection_IsRejected()
    {
        JsonObject manifest = ManifestFolder.StarterManifest();
        manifest.Remove("starter");

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal("starter", exception.Problems.Single().Field);
    }

    [Fact]
    public void Load_StarterFilesMissingOrAbsent_ReportsEachOne()
    {
        JsonObject manifest = ManifestFolder.StarterManifest();
        manifest["starter"] = new JsonObject
        {
            ["maskHead"] = "heads/mask.bin",
            ["categoryHead"] = "category-head.onnx",
        };
        using ManifestFolder folder = new ManifestFolder().Write(manifest);
        File.Delete(Path.Combine(folder.Path, "category-labels.json"));

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Equal(["starter.maskHead", "starter.labelMap", "starter.categoryLabels"],
            exception.Problems.Select(p => p.Field));
        Assert.StartsWith($"names {Path.Combine(folder.Path, "heads", "mask.bin")}, which does not exist",
            exception.Problems[0].Problem, StringComparison.Ordinal);
        Assert.StartsWith("is required for the starter layout", exception.Problems[1].Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FieldsOfAnotherLayout_AreRejected()
    {
        JsonObject manifest = ManifestFolder.StarterManifest();
        manifest["model"] = "model.onnx";
        manifest["categories"] = new JsonArray(0, 1);

        ModelManifestException exception = LoadFails(manifest);

        Assert.Equal(["model", "categories"], exception.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Load_SeveralProblems_ListsEveryOneOnItsOwnLine()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["input"]!["mean"] = new JsonArray(0.5, 0.5);
        manifest["thresholds"] = new JsonObject { ["nmsIou"] = 0 };
        manifest["treshold"] = 0.5;
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        string[] lines = exception.Message.Split(Environment.NewLine);
        Assert.Equal($"{folder.ManifestPath} has 3 problems:", lines[0]);
        Assert.StartsWith("  treshold is not a known field", lines[1], StringComparison.Ordinal);
        Assert.Equal("  input.mean must have 3 values (one per channel), not 2.", lines[2]);
        Assert.StartsWith("  thresholds.nmsIou must be above 0", lines[3], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Load_OneProblem_MessageIsFileFieldAndProblem()
    {
        JsonObject manifest = ManifestFolder.QueryManifest();
        manifest["input"]!["mean"] = new JsonArray(0.5, 0.5);
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Equal($"{folder.ManifestPath}: input.mean must have 3 values (one per channel), not 2.",
            exception.Message);
        Assert.Equal(("input.mean", "must have 3 values (one per channel), not 2."),
            (exception.Field, exception.Problem));
    }

    [Fact]
    public void Load_DuplicateField_IsRejectedAsInvalidJson()
    {
        using ManifestFolder folder = new ManifestFolder().WriteText("{\"format\": 1, \"format\": 1}");

        ModelManifestException exception = Assert.Throws<ModelManifestException>(
            () => ModelManifestLoader.Load(folder.Path));

        Assert.Contains("is not valid JSON", exception.Message, StringComparison.Ordinal);
    }

    private static ModelManifestException LoadFails(JsonObject manifest)
    {
        using ManifestFolder folder = new ManifestFolder().Write(manifest);

        return Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(folder.Path));
    }
}
