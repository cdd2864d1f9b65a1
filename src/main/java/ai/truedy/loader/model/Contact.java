package ai.truedy.loader.model;

/** A contact as the API takes it: an E.164 phone number and optional names and email. */
public record Contact(String phoneNumber, String firstName, String lastName, String email) {
}
