package ai.truedy.loader.contacts;

/** Numbers that must not be called: the do-not-call lists a row's number is checked against. */
public interface DoNotCall {

    /** No list: nothing is suppressed. */
    DoNotCall NONE = e164 -> null;

    /** The name of a list that holds this E.164 number, or null when none does. */
    String listedIn(String e164);
}
