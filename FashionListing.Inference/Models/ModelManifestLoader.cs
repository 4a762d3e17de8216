using System.Globalization;
using System.Text.Json;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Inference.Models;

/// <summary>
/// Reads a model folder's <c>model.json</c> and checks all of it before any model file is loaded: field names
/// and types, allowed values, the fields each layout needs, and that every file it names exists.
/// </summary>
/// <remarks>
/// Every problem found is reported at once, one per line, each naming its field by JSON path
/// (<c>input.mean</c>, <c>thresholds.nmsIou</c>). Unknown fields are problems too, so a misspelt setting is
/// never silently replaced by its default. Comments and trailing commas are allowed in the JSON.
/// </remarks>
public static class ModelManifestLoader
{
    /// <summary>The default of <see cref="StarterModelFiles.CategoryLabels"/>, beside the category head.</summary>
    public const string DefaultCategoryLabelsFile = "category-labels.json";

    /// <summary>Smallest input side in pixels.</summary>
    public const int MinInputSide = 16;

    /// <summary>Largest input side in pixels.</summary>
    public const int MaxInputSide = 4096;

    private const string FolderHint =
        "A model folder holds model.json (its manifest), the .onnx file the manifest names and the Fashionpedia "
        + "taxonomy file; see docs/models.md.";

    private static readonly JsonDocumentOptions s_jsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    private static readonly string[] s_rootFields =
    [
        "format", "name", "layout", "taxonomy", "model", "input", "outputs", "categories", "attributes",
        "thresholds", "starter",
    ];

    private static readonly string[] s_inputFields =
        ["name", "width", "height", "layout", "resize", "padValue", "channels", "scale", "mean", "std"];

    private static readonly string[] s_outputFields =
    [
        "maskLogits", "categoryLogits", "noObjectClass", "attributeLogits", "detections", "anchorsFirst",
        "prototypes",
    ];

    private static readonly string[] s_thresholdFields =
        ["score", "mask", "attribute", "topK", "nmsIou", "maxInstances"];

    private static readonly string[] s_starterFields = ["maskHead", "categoryHead", "categoryLabels", "labelMap"];

    private static readonly (string Name, ModelLayout Value)[] s_layouts =
        [("starter", ModelLayout.Starter), ("query", ModelLayout.Query), ("dense", ModelLayout.Dense)];

    private static readonly (string Name, TensorLayout Value)[] s_tensorLayouts =
        [("NCHW", TensorLayout.Nchw), ("NHWC", TensorLayout.Nhwc)];

    private static readonly (string Name, ResizeMode Value)[] s_resizeModes =
        [("stretch", ResizeMode.Stretch), ("letterbox", ResizeMode.Letterbox)];

    private static readonly (string Name, ChannelOrder Value)[] s_channelOrders =
        [("RGB", ChannelOrder.Rgb), ("BGR", ChannelOrder.Bgr)];

    /// <summary>Loads and checks the manifest of a model folder.</summary>
    /// <param name="modelFolder">The model folder, absolute or relative to the current directory.</param>
    /// <returns>The checked manifest with absolute paths, the loaded taxonomy and the output ids.</returns>
    /// <exception cref="ModelManifestException">
    /// The folder, the manifest or a file it names is missing, or the manifest has problems; the message lists
    /// every problem found.
    /// </exception>
    public static LoadedModelManifest Load(string modelFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        string manifestPath = Path.Combine(modelFolder, ModelManifest.FileName);
        if (!Directory.Exists(modelFolder))
        {
            throw new ModelManifestException(modelFolder, string.Empty,
                $"The model folder {Path.GetFullPath(modelFolder)} does not exist. {FolderHint}");
        }

        if (!File.Exists(manifestPath))
        {
            throw new ModelManifestException(manifestPath, string.Empty,
                $"The model folder has no {ModelManifest.FileName}. {FolderHint}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(manifestPath), s_jsonOptions);
        }
        catch (JsonException exception)
        {
            long line = (exception.LineNumber ?? 0) + 1;
            long position = (exception.BytePositionInLine ?? 0) + 1;
            throw new ModelManifestException(manifestPath, string.Empty,
                $"The file is not valid JSON at line {line}, position {position}: {WithoutPosition(exception.Message)}",
                exception);
        }

        using (document)
        {
            ManifestReader reader = new(Path.GetFullPath(modelFolder), manifestPath);

            return reader.Read(document.RootElement);
        }
    }

    // System.Text.Json ends its messages with the position in its own words; the loader states it once.
    private static string WithoutPosition(string message)
    {
        int index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = index < 0 ? message : message[..index];

        return text.Trim();
    }

    private sealed class ManifestReader(string folder, string manifestPath)
    {
        private readonly List<ModelManifestProblem> _problems = [];

        public LoadedModelManifest Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ModelManifestException(manifestPath, string.Empty,
                    $"The manifest must be a JSON object ({{ \"format\": 1, ... }}), not {Describe(root)}.");
            }

            CheckFields(root, string.Empty, s_rootFields);
            ModelManifest manifest = new();

            int? format = Integer(root, "format", string.Empty);
            if (format is null && IsAbsent(root, "format"))
            {
                Add("format", "is required; write \"format\": 1.");
            }
            else if (format is not null && format != 1)
            {
                Add("format", $"must be 1, the only manifest format there is, not {format}.");
            }

            manifest.Format = format ?? 0;
            manifest.Name = Text(root, "name", string.Empty);
            manifest.Layout = Choice(root, "layout", string.Empty, s_layouts);
            if (manifest.Layout is null && IsAbsent(root, "layout"))
            {
                Add("layout", "is required: one of starter, query, dense.");
            }

            (string? taxonomyPath, FashionpediaTaxonomy? taxonomy) = ReadTaxonomy(root);
            ModelLayout? layout = manifest.Layout;

            manifest.Model = Text(root, "model", string.Empty);
            string? modelPath = ReadModel(manifest.Model, layout);

            manifest.Input = ReadInput(root, layout);
            manifest.Outputs = ReadOutputs(root, layout);
            IReadOnlyList<int>? categories = ReadIds(root, "categories", layout, taxonomy, isCategory: true);
            IReadOnlyList<int>? attributes = ReadIds(root, "attributes", layout, taxonomy, isCategory: false);
            manifest.Thresholds = ReadThresholds(root);
            (manifest.Starter, StarterModelPaths? starterPaths) = ReadStarter(root, layout);

            if (_problems.Count > 0)
            {
                throw new ModelManifestException(manifestPath, _problems);
            }

            // With no problems the taxonomy loaded and the layout is known.
            FashionpediaTaxonomy loaded = taxonomy!;
            manifest.Categories = categories ?? loaded.Categories.Select(c => c.Id).ToArray();
            manifest.Attributes = attributes ?? loaded.Attributes.Select(a => a.Id).ToArray();

            return new LoadedModelManifest(
                manifest,
                folder,
                Path.GetFullPath(manifestPath),
                modelPath,
                taxonomyPath!,
                loaded,
                manifest.Categories,
                manifest.Attributes,
                starterPaths);
        }

        private (string? Path, FashionpediaTaxonomy? Taxonomy) ReadTaxonomy(JsonElement root)
        {
            string? taxonomyFile = Text(root, "taxonomy", string.Empty);
            if (taxonomyFile is null)
            {
                if (IsAbsent(root, "taxonomy"))
                {
                    Add("taxonomy", "is required: the Fashionpedia taxonomy file, usually "
                        + $"\"{FashionpediaTaxonomy.FileName}\".");
                }

                return (null, null);
            }

            string? path = ExistingFile("taxonomy", taxonomyFile, "taxonomy file");
            if (path is null)
            {
                return (null, null);
            }

            try
            {
                return (path, FashionpediaTaxonomy.Load(path));
            }
            catch (InvalidDataException exception)
            {
                Add("taxonomy", $"names {path}, which is not a Fashionpedia taxonomy: {exception.Message}");

                return (null, null);
            }
        }

        private string? ReadModel(string? model, ModelLayout? layout)
        {
            if (layout == ModelLayout.Starter)
            {
                if (model is not null)
                {
                    Add("model", "is not used by the starter layout (its backbone comes from Inference:BackboneFolder "
                        + "and its heads from the starter section); leave it out.");
                }

                return null;
            }

            if (model is null)
            {
                if (layout is not null)
                {
                    Add("model", $"is required for the {Name(layout.Value)} layout: the .onnx file, "
                        + "e.g. \"model.onnx\".");
                }

                return null;
            }

            return ExistingFile("model", model, "model file");
        }

        private ModelInputSpec? ReadInput(JsonElement root, ModelLayout? layout)
        {
            JsonElement? section = Section(root, "input", string.Empty, s_inputFields);
            if (section is not { } input)
            {
                if (layout is ModelLayout.Query or ModelLayout.Dense)
                {
                    Add("input", $"is required for the {Name(layout.Value)} layout: the input tensor's name, size and "
                        + "normalisation.");
                }

                return null;
            }

            const string Here = "input";
            ModelInputSpec spec = new();

            string? name = Text(input, "name", Here);
            if (name is null && IsAbsent(input, "name"))
            {
                Add("input.name", "is required: the name of the model's input tensor, e.g. \"pixel_values\".");
            }

            spec.Name = name;
            spec.Width = Side(input, "width");
            spec.Height = Side(input, "height");
            spec.Layout = Choice(input, "layout", Here, s_tensorLayouts) ?? spec.Layout;
            spec.Resize = Choice(input, "resize", Here, s_resizeModes) ?? spec.Resize;
            spec.Channels = Choice(input, "channels", Here, s_channelOrders) ?? spec.Channels;

            int? padValue = Integer(input, "padValue", Here);
            if (padValue is < 0 or > 255)
            {
                Add("input.padValue", $"must be a grey level from 0 to 255, not {padValue}.");
            }

            spec.PadValue = padValue ?? spec.PadValue;

            float? scale = Number(input, "scale", Here);
            if (scale is <= 0f)
            {
                Add("input.scale",
                    $"must be greater than 0 (255 turns 0-255 into 0-1; 1 keeps 0-255), not {F(scale.Value)}.");
            }

            spec.Scale = scale ?? spec.Scale;
            spec.Mean = PerChannel(input, "mean", mustBePositive: false) ?? spec.Mean;
            spec.Std = PerChannel(input, "std", mustBePositive: true) ?? spec.Std;

            return spec;
        }

        private int Side(JsonElement input, string name)
        {
            string field = "input." + name;
            int? side = Integer(input, name, "input");
            if (side is null)
            {
                if (IsAbsent(input, name))
                {
                    Add(field, $"is required: the model's input {name} in pixels, {MinInputSide} to {MaxInputSide}.");
                }

                return 0;
            }

            if (side < MinInputSide || side > MaxInputSide)
            {
                Add(field, $"must be from {MinInputSide} to {MaxInputSide} pixels, not {side}.");
            }

            return side.Value;
        }

        private float[]? PerChannel(JsonElement input, string name, bool mustBePositive)
        {
            string field = "input." + name;
            float[]? values = Numbers(input, name, "input");
            if (values is null)
            {
                return null;
            }

            if (values.Length != 3)
            {
                Add(field, $"must have 3 values (one per channel), not {values.Length}.");

                return null;
            }

            if (mustBePositive)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] <= 0f)
                    {
                        Add($"{field}[{i}]",
                            $"must be greater than 0 (the input is divided by it), not {F(values[i])}.");
                    }
                }
            }

            return values;
        }

        private ModelOutputSpec? ReadOutputs(JsonElement root, ModelLayout? layout)
        {
            JsonElement? section = Section(root, "outputs", string.Empty, s_outputFields);
            if (layout == ModelLayout.Starter)
            {
                if (section is not null)
                {
                    Add("outputs", "is not used by the starter layout, whose heads are read by the app's own code; "
                        + "leave it out.");
                }

                return null;
            }

            ModelOutputSpec outputs = new();
            if (section is { } element)
            {
                const string Here = "outputs";
                outputs.MaskLogits = OutputName(element, "maskLogits");
                outputs.CategoryLogits = OutputName(element, "categoryLogits");
                outputs.NoObjectClass = Boolean(element, "noObjectClass", Here) ?? false;
                outputs.AttributeLogits = OutputName(element, "attributeLogits");
                outputs.Detections = OutputName(element, "detections");
                outputs.AnchorsFirst = Boolean(element, "anchorsFirst", Here) ?? false;
                outputs.Prototypes = OutputName(element, "prototypes");
            }

            if (layout == ModelLayout.Query)
            {
                Require(outputs.MaskLogits, "outputs.maskLogits", "query", "the mask logits [1, Q, h, w]");
                Require(outputs.CategoryLogits, "outputs.categoryLogits", "query", "the category logits [1, Q, C]");
                Foreign(outputs.Detections is not null, "outputs.detections", "dense", "query");
                Foreign(outputs.Prototypes is not null, "outputs.prototypes", "dense", "query");
                Foreign(outputs.AnchorsFirst, "outputs.anchorsFirst", "dense", "query");
            }
            else if (layout == ModelLayout.Dense)
            {
                Require(outputs.Detections, "outputs.detections", "dense", "the detections [1, 4 + C + M, N]");
                Require(outputs.Prototypes, "outputs.prototypes", "dense", "the prototype masks [1, M, h, w]");
                Foreign(outputs.MaskLogits is not null, "outputs.maskLogits", "query", "dense");
                Foreign(outputs.CategoryLogits is not null, "outputs.categoryLogits", "query", "dense");
                Foreign(outputs.NoObjectClass, "outputs.noObjectClass", "query", "dense");
            }

            CheckDistinctOutputs(outputs);

            return section is null && layout is null ? null : outputs;
        }

        private void CheckDistinctOutputs(ModelOutputSpec outputs)
        {
            (string Field, string? Name)[] named =
            [
                ("outputs.maskLogits", outputs.MaskLogits),
                ("outputs.categoryLogits", outputs.CategoryLogits),
                ("outputs.attributeLogits", outputs.AttributeLogits),
                ("outputs.detections", outputs.Detections),
                ("outputs.prototypes", outputs.Prototypes),
            ];
            for (int i = 0; i < named.Length; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (named[i].Name is not null
                        && string.Equals(named[i].Name, named[j].Name, StringComparison.Ordinal))
                    {
                        Add(named[i].Field, $"names the same tensor \"{named[i].Name}\" as {named[j].Field}; "
                            + "each output is a different tensor.");
                    }
                }
            }
        }

        private string? OutputName(JsonElement outputs, string name) => Text(outputs, name, "outputs");

        private void Require(string? value, string field, string layout, string what)
        {
            if (value is null)
            {
                Add(field, $"is required for the {layout} layout: the name of the output tensor holding {what}.");
            }
        }

        private void Foreign(bool present, string field, string itsLayout, string layout)
        {
            if (present)
            {
                Add(field, $"belongs to the {itsLayout} layout and is not read for a {layout} model; leave it out "
                    + "or fix \"layout\".");
            }
        }

        private int[]? ReadIds(
            JsonElement root,
            string name,
            ModelLayout? layout,
            FashionpediaTaxonomy? taxonomy,
            bool isCategory)
        {
            int[]? ids = Integers(root, name, string.Empty);
            if (ids is null)
            {
                return null;
            }

            string what = isCategory ? "category" : "attribute";
            if (layout == ModelLayout.Starter)
            {
                Add(name, isCategory
                    ? "is not used by the starter layout, whose categories come from starter.labelMap; leave it out."
                    : "is not used by the starter layout, which suggests attributes from its categories; "
                        + "leave it out.");

                return null;
            }

            if (ids.Length == 0)
            {
                Add(name, isCategory
                    ? "must list at least one category id, or be left out to mean 0 to 45 in order."
                    : "must list at least one attribute id, or be left out to mean every taxonomy attribute.");

                return null;
            }

            Dictionary<int, int> firstIndex = [];
            for (int i = 0; i < ids.Length; i++)
            {
                string field = $"{name}[{i}]";
                if (firstIndex.TryGetValue(ids[i], out int earlier))
                {
                    Add(field,
                        $"repeats {what} id {ids[i]}, already at {name}[{earlier}]; each output has its own id.");
                    continue;
                }

                firstIndex[ids[i]] = i;
                if (taxonomy is null)
                {
                    continue;
                }

                bool exists = isCategory
                    ? taxonomy.Categories.Any(c => c.Id == ids[i])
                    : taxonomy.Attributes.Any(a => a.Id == ids[i]);
                if (!exists)
                {
                    Add(field, isCategory
                        ? $"is {ids[i]}, which is no category of the taxonomy (ids {taxonomy.Categories[0].Id} to "
                            + $"{taxonomy.Categories[^1].Id})."
                        : $"is {ids[i]}, which is no attribute of the taxonomy (ids {taxonomy.Attributes[0].Id} to "
                            + $"{taxonomy.Attributes[^1].Id}, with gaps).");
                }
            }

            return ids;
        }

        private ModelThresholds ReadThresholds(JsonElement root)
        {
            ModelThresholds thresholds = new();
            if (Section(root, "thresholds", string.Empty, s_thresholdFields) is not { } section)
            {
                return thresholds;
            }

            const string Here = "thresholds";
            thresholds.Score = UnitInterval(section, "score", "a category score") ?? thresholds.Score;
            thresholds.Mask = UnitInterval(section, "mask", "a mask probability") ?? thresholds.Mask;
            thresholds.Attribute = UnitInterval(section, "attribute", "an attribute probability")
                ?? thresholds.Attribute;

            float? nmsIou = Number(section, "nmsIou", Here);
            if (nmsIou is <= 0f or > 1f)
            {
                Add("thresholds.nmsIou",
                    $"must be above 0 and at most 1 (an intersection over union), not {F(nmsIou.Value)}.");
            }

            thresholds.NmsIou = nmsIou ?? thresholds.NmsIou;

            int? topK = Integer(section, "topK", Here);
            if (topK is < 1)
            {
                Add("thresholds.topK", $"must be at least 1 (candidates kept before suppression), not {topK}.");
            }

            thresholds.TopK = topK ?? thresholds.TopK;

            int? maxInstances = Integer(section, "maxInstances", Here);
            if (maxInstances is not null && (maxInstances < 1 || maxInstances > Math.Max(1, thresholds.TopK)))
            {
                Add("thresholds.maxInstances",
                    $"must be from 1 to thresholds.topK ({thresholds.TopK}), not {maxInstances}.");
            }
            else if (maxInstances is null && thresholds.MaxInstances > thresholds.TopK && thresholds.TopK >= 1)
            {
                Add("thresholds.topK", $"is {thresholds.TopK}, below the default thresholds.maxInstances "
                    + $"({thresholds.MaxInstances}); raise it or set maxInstances at most {thresholds.TopK}.");
            }

            thresholds.MaxInstances = maxInstances ?? thresholds.MaxInstances;

            return thresholds;
        }

        private float? UnitInterval(JsonElement section, string name, string what)
        {
            float? value = Number(section, name, "thresholds");
            if (value is < 0f or > 1f)
            {
                Add("thresholds." + name, $"must be from 0 to 1 ({what}), not {F(value.Value)}.");
            }

            return value;
        }

        private (StarterModelFiles? Files, StarterModelPaths? Paths) ReadStarter(JsonElement root, ModelLayout? layout)
        {
            JsonElement? section = Section(root, "starter", string.Empty, s_starterFields);
            if (layout != ModelLayout.Starter)
            {
                if (section is not null && layout is not null)
                {
                    Add("starter", $"belongs to the starter layout and is not read for a {Name(layout.Value)} model; "
                        + "leave it out or fix \"layout\".");
                }

                return (null, null);
            }

            if (section is not { } element)
            {
                Add("starter", "is required for the starter layout: its maskHead, categoryHead and labelMap files.");

                return (null, null);
            }

            const string Here = "starter";
            StarterModelFiles files = new()
            {
                MaskHead = Text(element, "maskHead", Here),
                CategoryHead = Text(element, "categoryHead", Here),
                CategoryLabels = Text(element, "categoryLabels", Here),
                LabelMap = Text(element, "labelMap", Here),
            };

            string? maskHead = StarterFile(element, "maskHead", files.MaskHead,
                "the mask head's weights, e.g. \"mask-head.bin\"");
            string? categoryHead = StarterFile(element, "categoryHead", files.CategoryHead,
                "the category head, e.g. \"category-head.onnx\"");
            string? labelMap = StarterFile(element, "labelMap", files.LabelMap,
                "the label map, e.g. \"label-map.json\"");
            string? categoryLabels = null;
            if (files.CategoryLabels is not null)
            {
                categoryLabels = ExistingFile("starter.categoryLabels", files.CategoryLabels, "category labels file");
            }
            else if (categoryHead is not null && IsAbsent(element, "categoryLabels"))
            {
                string beside = Path.Combine(
                    Path.GetDirectoryName(categoryHead)!, DefaultCategoryLabelsFile);
                categoryLabels = ExistingFile("starter.categoryLabels", beside, "category labels file (the default, "
                    + "beside the category head)");
            }

            bool complete = maskHead is not null && categoryHead is not null && labelMap is not null
                && categoryLabels is not null;

            StarterModelPaths? paths = complete
                ? new StarterModelPaths(maskHead!, categoryHead!, categoryLabels!, labelMap!)
                : null;

            return (files, paths);
        }

        private string? StarterFile(JsonElement starter, string name, string? value, string what)
        {
            string field = "starter." + name;
            if (value is null)
            {
                if (IsAbsent(starter, name))
                {
                    Add(field, $"is required for the starter layout: {what}.");
                }

                return null;
            }

            return ExistingFile(field, value, what);
        }

        private string? ExistingFile(string field, string relative, string what)
        {
            string path;
            try
            {
                path = Path.GetFullPath(Path.Combine(folder, relative));
            }
            catch (ArgumentException)
            {
                Add(field, $"is \"{relative}\", which is not a valid file path.");

                return null;
            }

            if (Directory.Exists(path))
            {
                Add(field, $"names the folder {path}; it must name the {what}, a file.");

                return null;
            }

            if (!File.Exists(path))
            {
                Add(field,
                    $"names {path}, which does not exist; it must name the {what}, relative to the model folder.");

                return null;
            }

            return path;
        }

        private JsonElement? Section(JsonElement parent, string name, string path, string[] knownFields)
        {
            string field = Join(path, name);
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Add(field, $"must be an object {{ ... }}, not {Describe(value)}.");

                return null;
            }

            CheckFields(value, field, knownFields);

            return value;
        }

        private void CheckFields(JsonElement element, string path, string[] knownFields)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (knownFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    continue;
                }

                string? near = Nearest(property.Name, knownFields);
                string hint = near is null ? string.Empty : $" (did you mean \"{near}\"?)";
                string where = path.Length == 0 ? "at the top level" : $"in {path}";
                Add(Join(path, property.Name), $"is not a known field{hint}; the fields {where} are: "
                    + string.Join(", ", knownFields) + ".");
            }
        }

        private string? Text(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            string field = Join(path, name);
            if (value.ValueKind != JsonValueKind.String)
            {
                Add(field, $"must be a string, not {Describe(value)}.");

                return null;
            }

            string text = value.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                Add(field, "must not be empty; leave the field out where it has a default.");

                return null;
            }

            return text;
        }

        private int? Integer(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
            {
                Add(Join(path, name), $"must be a whole number, not {Describe(value)}.");

                return null;
            }

            return number;
        }

        private float? Number(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (!TryGetFloat(value, out float number))
            {
                Add(Join(path, name), $"must be a number, not {Describe(value)}.");

                return null;
            }

            return number;
        }

        private bool? Boolean(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Add(Join(path, name), $"must be true or false, not {Describe(value)}.");

                return null;
            }

            return value.GetBoolean();
        }

        private float[]? Numbers(JsonElement parent, string name, string path)
        {
            if (Array(parent, name, path) is not { } array)
            {
                return null;
            }

            float[] numbers = new float[array.GetArrayLength()];
            bool valid = true;
            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (!TryGetFloat(item, out numbers[index]))
                {
                    Add($"{Join(path, name)}[{index}]", $"must be a number, not {Describe(item)}.");
                    valid = false;
                }

                index++;
            }

            return valid ? numbers : null;
        }

        private int[]? Integers(JsonElement parent, string name, string path)
        {
            if (Array(parent, name, path) is not { } array)
            {
                return null;
            }

            int[] numbers = new int[array.GetArrayLength()];
            bool valid = true;
            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out numbers[index]))
                {
                    Add($"{Join(path, name)}[{index}]", $"must be a whole number (an id), not {Describe(item)}.");
                    valid = false;
                }

                index++;
            }

            return valid ? numbers : null;
        }

        private JsonElement? Array(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Add(Join(path, name), $"must be an array [ ... ], not {Describe(value)}.");

                return null;
            }

            return value;
        }

        private T? Choice<T>(JsonElement parent, string name, string path, (string Name, T Value)[] choices)
            where T : struct
        {
            string? text = Text(parent, name, path);
            if (text is null)
            {
                return null;
            }

            foreach ((string choiceName, T value) in choices)
            {
                if (string.Equals(choiceName, text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            Add(Join(path, name), $"must be one of {string.Join(", ", choices.Select(c => c.Name))}, not \"{text}\".");

            return null;
        }

        private static bool IsAbsent(JsonElement parent, string name) =>
            !parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null;

        private static bool TryGetFloat(JsonElement value, out float number)
        {
            number = 0f;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double wide))
            {
                return false;
            }

            number = (float)wide;

            return float.IsFinite(number);
        }

        private void Add(string field, string problem) => _problems.Add(new ModelManifestProblem(field, problem));

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        private static string Name(ModelLayout layout) => s_layouts.First(l => l.Value == layout).Name;
    }

    private static string F(float value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()} values",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    // A field within two edits of a known one (or equal but for case) is almost surely a misspelling of it.
    private static string? Nearest(string name, string[] knownFields)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string known in knownFields)
        {
            int distance = string.Equals(known, name, StringComparison.OrdinalIgnoreCase)
                ? 0
                : EditDistance(name.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 4) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
