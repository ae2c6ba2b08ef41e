package org.iom.mtm.io.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.iom.mtm.core.form.Choice;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Group;
import org.iom.mtm.core.form.Label;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.json.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a questionnaire as KoBoToolbox asset content JSON: {@code {"content": {"survey": [...],
 * "choices": [...], "settings": {...}}}}, one survey row per question (with {@code begin_group} /
 * {@code end_group} rows around grouped questions), labels as plain strings, or as arrays in the
 * order of {@code translations} when the form has several languages.
 */
public final class KoboAssetJson {
  private KoboAssetJson() {}

  /**
   * Writes the form.
   *
   * @param form the questionnaire
   * @param out where to write; not closed
   */
  public static void write(Questionnaire form, Writer out) {
    ObjectNode root = JsonInput.mapper().createObjectNode();
    ObjectNode content = root.putObject("content");
    List<String> languages = form.languages();
    ArrayNode survey = content.putArray("survey");
    List<String> open = new ArrayList<>();
    for (Question q : form.questions()) {
      List<String> path = q.groupPath();
      int common = 0;
      while (common < open.size() && common < path.size() && open.get(common).equals(path.get(common))) {
        common++;
      }
      while (open.size() > common) {
        closeGroup(form, open, survey);
      }
      for (int k = common; k < path.size(); k++) {
        open.add(path.get(k));
        String groupPath = String.join("/", open);
        ObjectNode g = survey.addObject();
        var group = form.group(groupPath);
        g.put("type", group.map(Group::repeat).orElse(false) ? "begin_repeat" : "begin_group");
        g.put("name", path.get(k));
        group.ifPresent(
            x -> {
              label(g, "label", x.label(), languages);
              if (x.relevant() != null) {
                g.put("relevant", x.relevant());
              }
            });
      }
      ObjectNode row = survey.addObject();
      row.put("type", q.declaration().toXlsForm());
      row.put("name", q.name());
      label(row, "label", q.label(), languages);
      label(row, "hint", q.hint(), languages);
      put(row, "relevant", q.relevant());
      put(row, "constraint", q.constraint());
      put(row, "calculation", q.calculation());
      put(row, "choice_filter", q.choiceFilter());
      put(row, "appearance", q.appearance());
      if (q.required()) {
        row.put("required", true);
      }
    }
    while (!open.isEmpty()) {
      closeGroup(form, open, survey);
    }
    ArrayNode choices = content.putArray("choices");
    for (ChoiceList list : form.choiceLists()) {
      for (Choice c : list.choices()) {
        ObjectNode row = choices.addObject();
        row.put("list_name", list.name());
        row.put("name", c.name());
        label(row, "label", c.label(), languages);
      }
    }
    ObjectNode settings = content.putObject("settings");
    settings.put("form_id", form.id());
    settings.put("form_title", form.title());
    put(settings, "version", form.version());
    put(settings, "default_language", form.defaultLanguage());
    if (languages.size() > 1) {
      content.putArray("translated").add("label").add("hint");
      ArrayNode t = content.putArray("translations");
      languages.forEach(t::add);
    }
    JsonInput.mapper().writerWithDefaultPrettyPrinter().writeValue(out, root);
  }

  private static void closeGroup(Questionnaire form, List<String> open, ArrayNode survey) {
    boolean repeat = form.group(String.join("/", open)).map(Group::repeat).orElse(false);
    open.remove(open.size() - 1);
    survey.addObject().put("type", repeat ? "end_repeat" : "end_group");
  }

  private static void put(ObjectNode row, String key, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      row.put(key, value);
    }
  }

  private static void label(ObjectNode row, String key, Label label, List<String> languages) {
    if (label.isEmpty()) {
      return;
    }
    if (languages.size() <= 1) {
      row.put(key, label.text());
    } else {
      ArrayNode a = row.putArray(key);
      for (String lang : languages) {
        a.add(label.in(lang).orElse(label.text()));
      }
    }
  }
}
