/* Round-trip latency peer: libmosquitto publishes to a topic it subscribes to
 * itself, one message outstanding at a time, and times publish -> broker ->
 * own subscription.
 *
 *   latency HOST PORT TOPIC N SIZE QOS
 *
 * Prints LATENCY client=libmosquitto qos=<q> n=<n> p50_us=<> p99_us=<> max_us=<>
 * The next message goes only after the previous one came back and, at QoS 1,
 * after its PUBACK too, so no sample waits behind another. The first
 * WARMUP_SAMPLES round trips are not recorded (connection and caches settle). */
#include <math.h>
#include <mosquitto.h>
#include <stdint.h>
#include <unistd.h>

#include "../common/bench_common.h"

#define CLIENT_NAME "libmosquitto"
#define WARMUP_SAMPLES 100
#define DEADLINE_SECONDS 300.0

struct probe {
    const struct bench_args *args;
    int connected;
    int subscribed;
    int lost;
    uint64_t expected_sequence;
    int returned;
    int acknowledged;
    double returned_at;
};

static void on_connect(struct mosquitto *mosq, void *obj, int rc)
{
    struct probe *p = obj;
    if (rc != 0 || mosquitto_subscribe(mosq, NULL, p->args->topic, p->args->qos) != MOSQ_ERR_SUCCESS) {
        fprintf(stderr, CLIENT_NAME ": connect or subscribe refused (%d)\n", rc);
        p->lost = 1;
        return;
    }
    p->connected = 1;
}

static void on_subscribe(struct mosquitto *mosq, void *obj, int mid, int count, const int *granted)
{
    struct probe *p = obj;
    (void)mosq;
    (void)mid;
    if (count != 1 || granted[0] != p->args->qos)
        p->lost = 1;
    else
        p->subscribed = 1;
}

/* The payload carries a sequence number so a late copy of an earlier message
 * can never stop the clock of the current one. */
static void on_message(struct mosquitto *mosq, void *obj, const struct mosquitto_message *msg)
{
    struct probe *p = obj;
    uint64_t sequence;
    (void)mosq;
    if (msg->payloadlen < (int)sizeof sequence)
        return;
    memcpy(&sequence, msg->payload, sizeof sequence);
    if (sequence != p->expected_sequence)
        return;
    p->returned_at = bench_monotonic_seconds();
    p->returned = 1;
}

static void on_publish(struct mosquitto *mosq, void *obj, int mid)
{
    struct probe *p = obj;
    (void)mosq;
    (void)mid;
    p->acknowledged = 1;
}

static void on_disconnect(struct mosquitto *mosq, void *obj, int rc)
{
    struct probe *p = obj;
    (void)mosq;
    if (rc != 0)
        p->lost = 1;
}

static int loop_until(struct mosquitto *mosq, struct probe *p, const int *flag, double deadline)
{
    while (!*flag) {
        if (p->lost || bench_monotonic_seconds() > deadline)
            return -1;
        if (mosquitto_loop(mosq, 100, 1) != MOSQ_ERR_SUCCESS)
            return -1;
    }
    return 0;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples. */
static double percentile(const double *sorted, long n, double fraction)
{
    long rank = (long)ceil(fraction * (double)n);
    if (rank < 1)
        rank = 1;
    return sorted[rank - 1];
}

static int measure(struct mosquitto *mosq, struct probe *p, const struct bench_args *a, double *samples)
{
    char *payload = bench_payload(a->size);
    double deadline = bench_monotonic_seconds() + DEADLINE_SECONDS;
    int rc = 0;

    if (payload == NULL)
        return -1;
    for (long i = 0; i < WARMUP_SAMPLES + a->n && rc == 0; i++) {
        uint64_t sequence = (uint64_t)i + 1;
        memcpy(payload, &sequence, sizeof sequence);
        p->expected_sequence = sequence;
        p->returned = 0;
        p->acknowledged = 0;
        double sent_at = bench_monotonic_seconds();
        if (mosquitto_publish(mosq, NULL, a->topic, a->size, payload, a->qos, false) != MOSQ_ERR_SUCCESS)
            rc = -1;
        else if (loop_until(mosq, p, &p->returned, deadline) != 0 ||
                 loop_until(mosq, p, &p->acknowledged, deadline) != 0)
            rc = -1;
        else if (i >= WARMUP_SAMPLES)
            samples[i - WARMUP_SAMPLES] = (p->returned_at - sent_at) * 1e6;
    }
    free(payload);
    if (rc != 0)
        fprintf(stderr, CLIENT_NAME ": round trip failed or timed out\n");
    return rc;
}

int main(int argc, char **argv)
{
    struct bench_args args;
    char client_id[64];

    if (bench_parse_args(argc, argv, &args) != 0)
        return 2;
    /* Room for the sequence number is the smallest payload measured. */
    if (args.size < (int)sizeof(uint64_t))
        args.size = (int)sizeof(uint64_t);
    struct probe p = {.args = &args};
    double *samples = malloc(sizeof(double) * (size_t)args.n);
    if (samples == NULL)
        return 1;

    mosquitto_lib_init();
    snprintf(client_id, sizeof client_id, "latency-" CLIENT_NAME "-%d", (int)getpid());
    struct mosquitto *mosq = mosquitto_new(client_id, true, &p);
    if (mosq == NULL)
        return 1;
    mosquitto_int_option(mosq, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    mosquitto_connect_callback_set(mosq, on_connect);
    mosquitto_subscribe_callback_set(mosq, on_subscribe);
    mosquitto_message_callback_set(mosq, on_message);
    mosquitto_publish_callback_set(mosq, on_publish);
    mosquitto_disconnect_callback_set(mosq, on_disconnect);

    double deadline = bench_monotonic_seconds() + 30.0;
    int rc = -1;
    if (mosquitto_connect(mosq, args.host, args.port, 60) != MOSQ_ERR_SUCCESS)
        fprintf(stderr, CLIENT_NAME ": cannot connect to %s:%d\n", args.host, args.port);
    else if (loop_until(mosq, &p, &p.subscribed, deadline) != 0)
        fprintf(stderr, CLIENT_NAME ": not subscribed\n");
    else
        rc = measure(mosq, &p, &args, samples);

    if (rc == 0) {
        qsort(samples, (size_t)args.n, sizeof(double), compare_doubles);
        printf("LATENCY client=%s qos=%d n=%ld p50_us=%.1f p99_us=%.1f max_us=%.1f warmup=%d size=%d\n",
               CLIENT_NAME, args.qos, args.n, percentile(samples, args.n, 0.50),
               percentile(samples, args.n, 0.99), samples[args.n - 1], WARMUP_SAMPLES, args.size);
        fflush(stdout);
        mosquitto_disconnect(mosq);
    }
    mosquitto_destroy(mosq);
    mosquitto_lib_cleanup();
    free(samples);
    return rc == 0 ? 0 : 1;
}
