package main

import (
	"log"
	"net/http"
	"os/exec"
	"strings"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	if target == "" {
		http.Error(w, "missing url", http.StatusBadRequest)
		return
	}
	args := strings.Fields("ping -c 1 -W 1 " + target)
	output, err := exec.Command(args[0], args[1:]...).Output()
	if err != nil {
		http.Error(w, "ping failed", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Write(output)
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
