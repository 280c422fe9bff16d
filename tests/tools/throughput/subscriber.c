/* Reference subscriber for the end-to-end benchmark (tests/tools/throughput/compare.sh).
 *
 *   subscriber HOST PORT TOPIC N QOS TIMEOUT_SECONDS
 *
 * Prints READY once the SUBACK arrives, then records the wall-clock time of
 * the first and the Nth message and prints
 *   SUB n=<received> first_epoch=<s> last_epoch=<s> extra=<k>
 * where extra counts messages arriving in a short grace period after the Nth
 * (duplicates or strays: a correct run has 0). Exit 0 when N arrived, 3 on
 * timeout (the line is still printed, with the count reached).
 *
 * Written in C with one thread: a Python subscriber falls behind the faster
 * publishers and would measure itself instead of the client. */
#include <mosquitto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define GRACE_SECONDS 0.2

struct subscription {
    const char *topic;
    int qos;
    long expected;
    int subscribed;
    int lost;
    long received;
    long extra;
    double first_epoch;
    double last_epoch;
};

static double epoch_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_connect(struct mosquitto *mosq, void *obj, int rc)
{
    struct subscription *s = obj;
    if (rc != 0) {
        fprintf(stderr, "subscriber: connection refused: %s\n", mosquitto_connack_string(rc));
        s->lost = 1;
        return;
    }
    if (mosquitto_subscribe(mosq, NULL, s->topic, s->qos) != MOSQ_ERR_SUCCESS)
        s->lost = 1;
}

static void on_subscribe(struct mosquitto *mosq, void *obj, int mid, int count, const int *granted)
{
    struct subscription *s = obj;
    (void)mosq;
    (void)mid;
    if (count != 1 || granted[0] != s->qos) {
        fprintf(stderr, "subscriber: broker granted QoS %d, asked %d\n", count ? granted[0] : -1, s->qos);
        s->lost = 1;
        return;
    }
    s->subscribed = 1;
    printf("READY\n");
    fflush(stdout);
}

static void on_message(struct mosquitto *mosq, void *obj, const struct mosquitto_message *msg)
{
    struct subscription *s = obj;
    (void)mosq;
    (void)msg;
    if (s->received >= s->expected) {
        s->extra++;
        return;
    }
    double now = epoch_seconds();
    if (s->received == 0)
        s->first_epoch = now;
    s->last_epoch = now;
    s->received++;
}

static void on_disconnect(struct mosquitto *mosq, void *obj, int rc)
{
    struct subscription *s = obj;
    (void)mosq;
    if (rc != 0)
        s->lost = 1;
}

/* Runs the network loop until done() holds, the link fails or time is up. */
static int loop_until(struct mosquitto *mosq, struct subscription *s, double deadline,
                      int (*done)(const struct subscription *))
{
    while (!done(s)) {
        if (s->lost || monotonic_seconds() > deadline)
            return -1;
        int rc = mosquitto_loop(mosq, 50, 1);
        if (rc != MOSQ_ERR_SUCCESS) {
            fprintf(stderr, "subscriber: network loop failed: %s\n", mosquitto_strerror(rc));
            return -1;
        }
    }
    return 0;
}

static int is_subscribed(const struct subscription *s) { return s->subscribed; }
static int has_all(const struct subscription *s) { return s->received >= s->expected; }
static int never(const struct subscription *s) { (void)s; return 0; }

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: %s HOST PORT TOPIC N QOS TIMEOUT_SECONDS\n", argv[0]);
        return 2;
    }
    struct subscription s = {.topic = argv[3], .qos = atoi(argv[5]), .expected = atol(argv[4])};
    double deadline = monotonic_seconds() + atof(argv[6]);
    char client_id[64];

    mosquitto_lib_init();
    snprintf(client_id, sizeof client_id, "bench-subscriber-%d", (int)getpid());
    struct mosquitto *mosq = mosquitto_new(client_id, true, &s);
    if (mosq == NULL)
        return 1;
    mosquitto_int_option(mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    mosquitto_connect_callback_set(mosq, on_connect);
    mosquitto_subscribe_callback_set(mosq, on_subscribe);
    mosquitto_message_callback_set(mosq, on_message);
    mosquitto_disconnect_callback_set(mosq, on_disconnect);
    if (mosquitto_connect(mosq, argv[1], atoi(argv[2]), 60) != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, "subscriber: cannot connect to %s:%s\n", argv[1], argv[2]);
        return 1;
    }

    int rc = loop_until(mosq, &s, deadline, is_subscribed);
    if (rc == 0)
        rc = loop_until(mosq, &s, deadline, has_all);
    if (rc == 0) {
        /* The grace period only looks for duplicates; its end is expected. */
        loop_until(mosq, &s, monotonic_seconds() + GRACE_SECONDS, never);
    }
    printf("SUB n=%ld first_epoch=%.6f last_epoch=%.6f extra=%ld\n", s.received, s.first_epoch,
           s.last_epoch, s.extra);
    fflush(stdout);

    mosquitto_disconnect(mosq);
    mosquitto_destroy(mosq);
    mosquitto_lib_cleanup();
    return rc == 0 && s.received >= s.expected ? 0 : 3;
}
